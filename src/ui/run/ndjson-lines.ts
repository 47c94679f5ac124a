// `--json`: one JSON object per line, for every command. The vocabulary is the run's
// RunEvents (rollout/events.ts) plus the few events a command prints around a run
// (CommandEvent); README.md, "NDJSON events", lists each type with its fields, and
// test/unit/ui/run/ndjson-schema.test.ts checks every subcommand's output against it.
import type { UserProblem } from '../../domain/errors.js';
import type { RunEvent } from '../../rollout/events.js';

/** What a command prints outside the run's own stream (render, test-chart, any error). */
export type CommandEvent =
  | { type: 'notice'; message: string }
  | { type: 'warning'; message: string; hint?: string }
  | { type: 'error'; exitCode: number; problems: readonly UserProblem[]; missing?: string[] }
  | { type: 'values-written'; path: string; backup: string | null }
  | { type: 'manifests-written'; path: string; files: string[] }
  | { type: 'throwaway-secrets'; files: string[] }
  | { type: 'secret-needed'; message: string }
  | { type: 'install-command'; command: string }
  // test-chart's helm lint / helm template. Shares the name `check` with the preflight
  // checks of a run (id, level, message) for compatibility; tell them apart by `name`.
  | { type: 'check'; name: string; ok: boolean; output: string };

export type JsonEvent = RunEvent | CommandEvent;

/** The one NDJSON writer: the event and the time it was written, on one line. */
export function ndjsonLine(e: JsonEvent): string {
  return JSON.stringify({ ...e, time: new Date().toISOString() });
}

export function createNdjsonRenderer(write: (line: string) => void): (e: RunEvent) => void {
  return (e) => write(ndjsonLine(e));
}
