// `--json`: one JSON object per event and line, the same events the screens render.
import type { RunEvent } from '../../rollout/events.js';

export function createNdjsonRenderer(write: (line: string) => void): (e: RunEvent) => void {
  return (e) => write(JSON.stringify({ ...e, time: new Date().toISOString() }));
}
