import { statusLabel } from '../labels.ts';

/** A file's status as a coloured tag (the colour only repeats the words, never replaces them). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${status}`}>{statusLabel(status)}</span>;
}
