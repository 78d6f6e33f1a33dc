import { useState } from 'react';
import { RefInviteDocument, type RefLockFragment, type RefMessageFragment } from '../../generated/graphql.ts';
import { INVITABLE, lockLabel } from './labels.ts';
import { useClient } from './session.ts';

/** Why the channel is locked, in Parley's own sentence, and the invitation when one can open it. */
export function LockBanner({
  conversationId,
  lock,
  onSent,
}: {
  conversationId: string;
  lock: RefLockFragment;
  onSent: (message: RefMessageFragment) => void;
}) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const invite = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const { sendConsentInvite: result } = await client.request(RefInviteDocument, {
        conversationId,
        channel: lock.channel,
      });
      if (result.__typename === 'Message') onSent(result);
      else if ('message' in result) setRefusal(result.message);
    } catch (e) {
      setRefusal((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="lock" role="status" aria-label={`${lock.channel} lock`}>
      <strong>
        {lock.channel} is locked: {lockLabel(lock.reason)}
      </strong>
      {lock.message && <p>{lock.message}</p>}
      {lock.notice && <p className="notice">{lock.notice}</p>}
      {lock.reason && INVITABLE.has(lock.reason) && (
        <button type="button" onClick={invite} disabled={busy}>
          Send consent invitation
        </button>
      )}
      {refusal && <p role="alert">{refusal}</p>}
    </div>
  );
}
