// The Review screen's body as lines, and the window of it that fits the terminal. Pure.

export type LineTone = 'plain' | 'comment';

export interface ReviewLine {
  text: string;
  tone: LineTone;
}

export function reviewLines(values: string): ReviewLine[] {
  return values
    .replace(/\n$/, '')
    .split('\n')
    .map((text) => ({ text, tone: /^\s*#/.test(text) ? 'comment' : 'plain' }));
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
