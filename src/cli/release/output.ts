// The CLI's side of a run's display: which one (ui/run/open-run.ts decides from the
// mode and the flags), and feeding a pipeline's stream into it.
import type { EventSink, RunEvent } from '../../rollout/events.js';
import { openRun, type RunDisplay } from '../../ui/run/open-run.js';
import type { CliContext } from '../context.js';

export type { EventSink };

export function displayOf(ctx: CliContext): RunDisplay {
  return {
    mode: ctx.mode,
    json: ctx.out.json,
    verbose: ctx.options.verbose === true,
    env: ctx.env,
    stdin: ctx.stdin,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
  };
}

export function sinkFor(ctx: CliContext, title: string, onInterrupt: () => void): Promise<EventSink> {
  return openRun(displayOf(ctx), title, onInterrupt);
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
