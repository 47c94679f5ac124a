// A real terminal for whole-CLI walks: tmux on a private socket runs the built CLI in a
// pseudo-terminal; keys go in with send-keys, the screen comes back with capture-pane.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';

export const TMUX = '/usr/bin/tmux';

export interface PtySession {
  /** Sends tmux key names (Enter, Escape, Down, BSpace, C-c) one at a time. */
  keys: (...names: string[]) => Promise<void>;
  /** Types text literally (no key-name lookup), without Enter. */
  type: (text: string) => Promise<void>;
  /** The visible screen as plain text. */
  screen: () => string;
  /** The visible screen with its colour and style escape sequences. */
  styledScreen: () => string;
  /** Polls the screen until it contains `text`; fails with the screen. */
  waitFor: (text: string, timeoutMs?: number) => Promise<string>;
  kill: () => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `argv` in a detached tmux session of the given size. `env` is the child's
 * whole environment (pass it without CI: with CI set, Ink draws only its last frame).
 * After the command ends the pane prints `__EXIT=<code>` and stays open to be read.
 */
export function startPty(
  argv: string[],
  o: { cwd: string; env: NodeJS.ProcessEnv; cols?: number; rows?: number },
): PtySession {
  const socket = `fhw-pty-${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmux = (...args: string[]) =>
    execFileSync(TMUX, ['-L', socket, '-f', '/dev/null', ...args], { env: o.env, encoding: 'utf8' });
  const quoted = argv.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  tmux(
    'new-session',
    '-d',
    '-x',
    String(o.cols ?? 120),
    '-y',
    String(o.rows ?? 50),
    '-c',
    o.cwd,
    `${quoted}; echo "__EXIT=$?"; sleep 600`,
  );
  const socketPath = tmux('display-message', '-p', '#{socket_path}').trim();
  // Ink answers keys after its effects subscribe; a short gap per key is what a person gives.
  const gap = () => sleep(60);
  const screen = () => tmux('capture-pane', '-p', '-J');
  return {
    keys: async (...names) => {
      for (const n of names) {
        tmux('send-keys', n);
        await gap();
      }
    },
    type: async (text) => {
      tmux('send-keys', '-l', '--', text);
      await gap();
    },
    screen,
    styledScreen: () => tmux('capture-pane', '-p', '-e'),
    waitFor: async (text, timeoutMs = 45_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const s = screen();
        if (s.includes(text)) {
          await gap();
          return s;
        }
        if (Date.now() > deadline) throw new Error(`"${text}" never appeared on the terminal; screen:\n${s}`);
        await sleep(100);
      }
    },
    kill: () => {
      try {
        tmux('kill-server');
      } catch {
        // already gone
      }
      // tmux leaves its socket file behind; a test run should not.
      rmSync(socketPath, { force: true });
    },
  };
}
