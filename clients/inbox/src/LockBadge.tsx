import type { RefLockFragment } from '../../generated/graphql.ts';
import { lockLabel } from './labels.ts';

/** One channel's state in a row: open, or locked with its reason; and whether anything stops a message now. */
export function LockBadge({ lock }: { lock: RefLockFragment }) {
  const text = lock.locked ? `${lock.channel} locked: ${lockLabel(lock.reason)}` : `${lock.channel} open`;
  return (
    <span className={lock.locked ? 'badge locked' : 'badge open'} title={lock.message ?? undefined}>
      {text}
      {!lock.reachable && !lock.locked ? ' (unreachable)' : ''}
    </span>
  );
}
