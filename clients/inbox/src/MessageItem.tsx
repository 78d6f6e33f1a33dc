import type { RefMessageFragment } from '../../generated/graphql.ts';
import { statusLabel } from './labels.ts';

export function MessageItem({ message: m }: { message: RefMessageFragment }) {
  const time = new Date(m.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <li className={`message ${m.direction.toLowerCase()}`}>
      <p className="body">{m.body}</p>
      <p className="meta">
        {m.channel} · {time} · <span className="status">{statusLabel(m.status)}</span>
        {m.alert && <span className="alert"> · {m.alert.message}</span>}
      </p>
    </li>
  );
}
