// Mounts the run screen for a CLI run and exposes it as an event sink.
import { render } from 'ink';
import type { EventSink, RunEvent } from '../../rollout/events.js';
import { applyNoColor } from '../components/no-color.js';
import { RunScreen } from './run-screen.js';
import { createRunStore } from './run-store.js';

/** The terminal the run screen draws on (a slice of open-run.ts's RunDisplay). */
export interface InkTerminal {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export function inkSink(ctx: InkTerminal, title: string, onInterrupt: () => void): EventSink {
  applyNoColor(ctx.env);
  const store = createRunStore(title);
  const app = render(<RunScreen store={store} onInterrupt={onInterrupt} />, {
    stdout: ctx.stdout,
    stdin: ctx.stdin,
    stderr: ctx.stderr,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 10,
    // Incremental rendering left stale spinner lines behind in tmux; <Static> plus a
    // short live area already keeps redraws small.
    incrementalRendering: false,
  });
  let closed = false;
  const sink = ((e: RunEvent) => store.dispatch({ type: 'event', event: e })) as EventSink;
  sink.confirm = (q) => store.ask(q);
  sink.close = async () => {
    if (closed) return;
    closed = true;
    // Let the last frame (the result) reach the terminal before unmounting.
    await new Promise((r) => setTimeout(r, 120));
    app.unmount();
    await app.waitUntilExit();
  };
  return sink;
}
