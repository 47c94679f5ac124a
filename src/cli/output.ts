// How the CLI talks when no Ink screen is up: human lines, or NDJSON events with --json.
// Results go to stdout; problems and warnings to stderr (so `> file` keeps them visible).
import type { UserProblem } from '../domain/errors.js';
import { colorEnabled } from '../ui/mode.js';
import { type CommandEvent, ndjsonLine } from '../ui/run/ndjson-lines.js';

export interface Output {
  readonly json: boolean;
  /** A human line on stdout (in --json mode it becomes a `notice` event). */
  info(text: string): void;
  /** A warning on stderr (event `warning` in --json mode). */
  warn(message: string, hint?: string): void;
  /** A machine-readable event; printed only in --json mode. */
  event(e: CommandEvent): void;
  /** Every problem at once, each with its hint. */
  problems(list: readonly UserProblem[], exitCode: number, details?: { missing?: string[] }): void;
}

export interface OutputStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export function createOutput(json: boolean, s: OutputStreams): Output {
  const color = colorEnabled(s.stderr, s.env);
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const write = (e: CommandEvent) => s.stdout.write(`${ndjsonLine(e)}\n`);
  return {
    json,
    info: (text) => (json ? write({ type: 'notice', message: text }) : s.stdout.write(`${text}\n`)),
    warn: (message, hint) => {
      if (json) write({ type: 'warning', message, ...(hint ? { hint } : {}) });
      else s.stderr.write(`${paint('33', 'warning:')} ${message}${hint ? `\n  ${paint('2', '→')} ${hint}` : ''}\n`);
    },
    event: (e) => {
      if (json) write(e);
    },
    problems: (list, exitCode, details = {}) => {
      if (json) {
        write({ type: 'error', exitCode, problems: list, ...details });
        return;
      }
      for (const p of list) s.stderr.write(`${paint('31', 'error:')} ${p.message}\n  ${paint('2', '→')} ${p.hint}\n`);
    },
  };
}
