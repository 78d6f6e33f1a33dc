import { useCallback, useEffect, useMemo, useState } from 'react';
import { ConversationView } from './ConversationView.tsx';
import { Header } from './Header.tsx';
import { InboxList } from './InboxList.tsx';
import { useRoute } from './route.ts';
import { SignIn } from './SignIn.tsx';
import { ClientContext, connect, savedToken, saveToken } from './session.ts';
import { useViewer } from './useViewer.ts';

export function App() {
  const [token, setToken] = useState(savedToken);
  const [refused, setRefused] = useState(false);
  const client = useMemo(() => (token ? connect(token) : null), [token]);
  useEffect(
    () => () => {
      client?.close();
    },
    [client],
  );
  const signIn = (t: string) => {
    saveToken(t);
    setRefused(false);
    setToken(t);
  };
  const signOut = useCallback((wasRefused = false) => {
    saveToken(null);
    setRefused(wasRefused);
    setToken(null);
  }, []);
  if (!client) return <SignIn onToken={signIn} refused={refused} />;
  return (
    <ClientContext.Provider value={client}>
      <SignedIn onSignOut={signOut} />
    </ClientContext.Provider>
  );
}

function SignedIn({ onSignOut }: { onSignOut: (refused?: boolean) => void }) {
  const onRefused = useCallback(() => onSignOut(true), [onSignOut]);
  const viewer = useViewer(onRefused);
  const [conversationId, open] = useRoute();
  if (!viewer) return <p className="loading">Signing in…</p>;
  return (
    <div className="app">
      <Header name={viewer.name} bellCount={viewer.bellCount} onSignOut={() => onSignOut()} />
      <main className="panes">
        <InboxList selectedId={conversationId} onOpen={open} />
        {conversationId ? (
          <ConversationView key={conversationId} id={conversationId} />
        ) : (
          <p className="empty">Choose a conversation.</p>
        )}
      </main>
    </div>
  );
}
