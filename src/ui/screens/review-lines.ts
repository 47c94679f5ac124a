// The Review screen's body as lines, and the window of it that fits the terminal. Pure.

export type LineTone = 'plain' | 'comment' | 'added' | 'removed' | 'hunk' | 'heading';

export interface ReviewLine {
  text: string;
  tone: LineTone;
}

export function reviewLines(values: string, diff: string | null): ReviewLine[] {
  const lines: ReviewLine[] = values
    .replace(/\n$/, '')
    .split('\n')
    .map((text) => ({ text, tone: /^\s*#/.test(text) ? 'comment' : 'plain' }));
  if (diff === null) return lines;
  lines.push({ text: '', tone: 'plain' });
  if (diff.trim() === '') {
    lines.push({ text: 'Changes against the installed release: none', tone: 'heading' });
    return lines;
  }
  lines.push({ text: 'Changes against the installed release:', tone: 'heading' });
  for (const text of diff.replace(/\n$/, '').split('\n')) {
    // Unified-diff hunks (`@@`) and per-object headers (`── Deployment/x (changed)`).
    const tone: LineTone =
      text.startsWith('@@') || text.startsWith('── ')
        ? 'hunk'
        : text.startsWith('+') && !text.startsWith('+++')
          ? 'added'
          : text.startsWith('-') && !text.startsWith('---')
            ? 'removed'
            : 'plain';
    lines.push({ text, tone });
  }
  return lines;
}

/** How many body lines fit: the terminal minus the header, actions and hints around them. */
export function windowHeight(rows: number | undefined, chrome: number): number {
  if (rows === undefined || rows <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(5, rows - chrome);
}

export function clampOffset(offset: number, total: number, height: number): number {
  if (!Number.isFinite(height) || total <= height) return 0;
  return Math.min(Math.max(0, offset), total - height);
}
