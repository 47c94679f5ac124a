// Picks the renderer for a run: NDJSON with --json, plain lines without a TTY or with
// --plain, the Ink run screen otherwise. Every renderer consumes the same RunEvents.
import type { EventSink, RunEvent } from '../../rollout/events.js';
import type { UiMode } from '../mode.js';
import { createNdjsonRenderer } from './ndjson-lines.js';
import { createPlainRenderer } from './plain-lines.js';

/** What a run's display needs to know about the terminal and the flags. */
export interface RunDisplay {
  mode: UiMode;
  json: boolean;
  verbose: boolean;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export function lineSink(d: Pick<RunDisplay, 'json' | 'verbose' | 'stdout'>): EventSink {
  const write = (line: string) => {
    d.stdout.write(`${line}\n`);
  };
  const render = d.json ? createNdjsonRenderer(write) : createPlainRenderer(write, { verbose: d.verbose });
  const sink = ((e: RunEvent) => render(e)) as EventSink;
  sink.close = async () => {};
  return sink;
}

/** Ink only with a person at a terminal and no --json/--plain. */
export async function openRun(d: RunDisplay, title: string, onInterrupt: () => void): Promise<EventSink> {
  if (d.mode !== 'ink' || d.json) return lineSink(d);
  const { inkSink } = await import('./mount.js');
  return inkSink(d, title, onInterrupt);
}
