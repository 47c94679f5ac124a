// The single switch deciding whether the CLI may prompt, and how.
import { colorOff } from './components/color-off.js';

export type UiMode = 'ink' | 'plain' | 'headless';

export interface TerminalFacts {
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  plain: boolean;
  json: boolean;
}

/** CI systems set CI=true (or 1); `CI=false`/`0`/empty means a person is there. */
export function isCI(env: NodeJS.ProcessEnv): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

export function chooseMode(t: TerminalFacts): UiMode {
  // Prompting needs a person at a terminal on both ends; anything else never prompts
  // (and never puts stdin into raw mode, which throws without a TTY).
  if (t.json || !t.stdinIsTTY || !t.stdoutIsTTY || isCI(t.env)) return 'headless';
  return t.plain ? 'plain' : 'ink';
}

export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !colorOff(env);
}
