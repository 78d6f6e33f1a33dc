import { type FormEvent, useState } from 'react';

/** A user token from createUserToken (`npm start` prints the demo tenant's). */
export function SignIn({ onToken, refused }: { onToken: (token: string) => void; refused: boolean }) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onToken(token.trim());
  };
  return (
    <form className="sign-in" onSubmit={submit}>
      <h1>Parley reference inbox</h1>
      <label>
        User token
        <textarea value={token} onChange={(e) => setToken(e.target.value)} rows={4} placeholder="eyJhbGciOi…" />
      </label>
      <p className="hint">
        Paste a user token: <code>npm start</code> prints the demo tenant's, and a partner backend mints one with{' '}
        <code>createUserToken</code>.
      </p>
      {refused && <p role="alert">That token was refused (expired, revoked, or not a user's token).</p>}
      <button type="submit">Sign in</button>
    </form>
  );
}
