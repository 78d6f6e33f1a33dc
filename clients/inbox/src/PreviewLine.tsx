import type { Preview } from './usePreview.ts';

/** What the text would cost and why it would be refused, from previewMessage. */
export function PreviewLine({ preview }: { preview: (Preview & { stale?: boolean }) | null }) {
  if (!preview) return null;
  return (
    <div className={preview.stale ? 'preview stale' : 'preview'} aria-live="polite">
      <span className="figures">
        {preview.segments} {preview.segments === 1 ? 'segment' : 'segments'} · {preview.characters} characters (
        {preview.encoding}) · {preview.credits} {preview.credits === 1 ? 'credit' : 'credits'}
      </span>
      {preview.refusals.length > 0 && (
        <ul className="refusals" aria-label="Refusals">
          {preview.refusals.map((r) => (
            <li key={r.code}>{r.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
