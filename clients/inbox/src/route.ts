import { useEffect, useState } from 'react';

/** The open conversation lives in the URL's hash (#/conversations/<id>), so a link or a reload reopens it. */
const PREFIX = '#/conversations/';

const current = () =>
  window.location.hash.startsWith(PREFIX) ? decodeURIComponent(window.location.hash.slice(PREFIX.length)) : null;

export function useRoute(): [string | null, (id: string) => void] {
  const [id, setId] = useState(current);
  useEffect(() => {
    const onChange = () => setId(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const open = (next: string) => {
    window.location.hash = `${PREFIX}${encodeURIComponent(next)}`;
  };
  return [id, open];
}
