// Picks the renderer for a run: NDJSON with --json, plain lines without a TTY or with
// --plain, the Ink run screen otherwise. Every renderer consumes the same RunEvents.

import type { RunEvent } from '../../rollout/events.js';
import { createNdjsonRenderer } from '../../ui/run/ndjson-lines.js';
import { createPlainRenderer } from '../../ui/run/plain-lines.js';
import type { CliContext } from '../context.js';

export interface EventSink {
  (e: RunEvent): void;
  /** Finishes the display (unmounts Ink); safe to call twice. */
  close(): Promise<void>;
  /** Asks inside the display (the Ink screen); absent for line output. */
  confirm?: (q: { question: string; typed?: string }) => Promise<boolean>;
}

export function lineSink(ctx: CliContext): EventSink {
  const write = (line: string) => {
    ctx.stdout.write(`${line}\n`);
  };
  const render = ctx.out.json
    ? createNdjsonRenderer(write)
    : createPlainRenderer(write, { verbose: ctx.options.verbose === true });
  const sink = ((e: RunEvent) => render(e)) as EventSink;
  sink.close = async () => {};
  return sink;
}

/** Ink only with a person at a terminal and no --json/--plain. */
export async function sinkFor(ctx: CliContext, title: string, onInterrupt: () => void): Promise<EventSink> {
  if (ctx.mode !== 'ink' || ctx.out.json) return lineSink(ctx);
  const { inkSink } = await import('../../ui/run/mount.js');
  return inkSink(ctx, title, onInterrupt);
}

/** Feeds a stream into the sink and returns the exit code of its `result` event. */
export async function pump(stream: AsyncGenerator<RunEvent>, sink: (e: RunEvent) => void): Promise<number | undefined> {
  let code: number | undefined;
  for await (const e of stream) {
    sink(e);
    if (e.type === 'result') code = e.exitCode;
  }
  return code;
}
