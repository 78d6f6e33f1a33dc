import { useEffect, useState } from 'react';
import { RefBellLiveDocument, RefViewerDocument } from '../../generated/graphql.ts';
import { useClient } from './session.ts';
import { useLive } from './useLive.ts';

/** Who is signed in, and the bell's unread count, kept live by notificationReceived. */
export function useViewer(onRefused: () => void) {
  const client = useClient();
  const [name, setName] = useState<string | null>(null);
  const [bellCount, setBellCount] = useState(0);
  useEffect(() => {
    client.request(RefViewerDocument).then(({ viewer }) => {
      if (viewer.kind !== 'USER' || !viewer.user) return onRefused();
      setName(viewer.user.name);
      setBellCount(viewer.unreadNotificationCount);
    }, onRefused);
  }, [client, onRefused]);
  useLive(RefBellLiveDocument, {}, (event) => setBellCount(event.notificationReceived.unreadCount));
  return name === null ? null : { name, bellCount };
}
