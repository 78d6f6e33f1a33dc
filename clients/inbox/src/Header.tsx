import { Bell } from './Bell.tsx';

export function Header({ name, bellCount, onSignOut }: { name: string; bellCount: number; onSignOut: () => void }) {
  return (
    <header className="header">
      <strong>Parley inbox</strong>
      <span className="who">{name}</span>
      <Bell count={bellCount} />
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
