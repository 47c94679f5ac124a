// Waiting on Ink frames without fixed sleeps: React 19 schedules renders on real timer
// ticks, so tests yield one tick between inputs and poll the last frame for content.
import { stripVTControlCharacters } from 'node:util';

export const tick = (ms = 15) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Pause after a frame matched, before the next key (see waitForFrame). */
const SETTLE_MS = 40;

/** The frame as text, colour codes removed. */
export function plain(frame: string | undefined): string {
  return stripVTControlCharacters(frame ?? '');
}

/** Polls lastFrame() until the predicate holds on its plain text; fails with the last frame. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  predicate: (frame: string) => boolean,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = plain(lastFrame());
    if (predicate(frame)) {
      // In debug mode the frame is written during the commit, before the new screen's
      // input handlers subscribe (passive effects): give them a moment so the next key
      // reaches the screen that is shown, even on a busy machine.
      await tick(SETTLE_MS);
      return frame;
    }
    if (Date.now() > deadline) throw new Error(`frame never matched within ${timeoutMs} ms; last frame:\n${frame}`);
    await tick(10);
  }
}

/** Waits for a frame containing `text`. */
export const waitForText = (lastFrame: () => string | undefined, text: string, timeoutMs?: number) =>
  waitForFrame(lastFrame, (f) => f.includes(text), timeoutMs);

/** Writes keys one at a time with a tick between (each key is one input event). */
export async function press(stdin: { write: (s: string) => void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    stdin.write(k);
    await tick();
  }
}

/** Types text and presses Enter. */
export async function typeAndEnter(stdin: { write: (s: string) => void }, text: string): Promise<void> {
  if (text !== '') {
    stdin.write(text);
    await tick();
  }
  stdin.write('\r');
  await tick();
}
