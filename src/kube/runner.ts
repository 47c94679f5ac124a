// The one door through which flask-helm-wizard starts helm and kubectl. Tasks get a
// `Runner` injected so that pure logic can be tested with a fake and production uses
// execa. No shell is ever involved: arguments go to the binary as an array, and
// secrets travel on stdin, never in argv.
import { execa } from 'execa';

export interface RunOptions {
  signal?: AbortSignal;
  /** Written to the child's stdin, then stdin is closed (how secrets reach kubectl). */
  input?: string;
  /** Called for each output line as it arrives (stdout and stderr). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  env?: Record<string, string>;
  /**
   * Own process group: a terminal Ctrl-C then reaches only us, and we forward exactly
   * one SIGINT (helm treats a second one differently). Still killed when we exit.
   */
  detached?: boolean;
}

/** A binary that could not be started at all (not found / not executable). */
export interface MissingBinary {
  kind: 'missing-binary';
  binary: string;
  message: string;
  hint: string;
}

export interface RunResult {
  /** 127 when the binary could not be started; 130/143 when ended by SIGINT/SIGTERM. */
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The signal that ended the child, when one did. */
  signal?: string;
  missing?: MissingBinary;
}

/** A long-running child (helm upgrade, kubectl port-forward) we may interrupt. */
export interface Child {
  readonly pid: number | undefined;
  /** Ask the child to stop the way a terminal Ctrl-C would (SIGINT). */
  interrupt(): void;
  /** Stop it now (SIGTERM, then SIGKILL after a grace). */
  kill(): void;
  readonly done: Promise<RunResult>;
}

export interface Runner {
  run(cmd: string, args: readonly string[], options?: RunOptions): Promise<RunResult>;
  spawn(cmd: string, args: readonly string[], options?: RunOptions): Child;
}

export function missingBinary(binary: string, detail: string): MissingBinary {
  const name = binary.split('/').pop() ?? binary;
  const flag = name.startsWith('kubectl') ? '--kubectl-binary' : '--helm-binary';
  const env = name.startsWith('kubectl') ? 'FHW_KUBECTL' : 'FHW_HELM';
  return {
    kind: 'missing-binary',
    binary,
    message: `cannot run ${binary}: ${detail}`,
    hint: `install ${name.startsWith('kubectl') ? 'kubectl' : 'helm'} and put it on PATH, or point ${flag} (or ${env}) at it`,
  };
}

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGKILL: 137 };

function startChild(cmd: string, args: readonly string[], options: RunOptions): Child {
  const sub = execa(cmd, args, {
    reject: false,
    stripFinalNewline: true,
    forceKillAfterDelay: 5000,
    // Without an explicit input, stdin is closed so a child never waits on the terminal.
    ...(options.input !== undefined ? { input: options.input } : { stdin: 'ignore' as const }),
    ...(options.signal ? { cancelSignal: options.signal } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.detached ? { detached: true } : {}),
  });
  if (options.detached) {
    // execa's cleanup skips detached children; never leave a helm running behind us.
    const killOnExit = () => {
      if (sub.exitCode === null && sub.signalCode === null) sub.kill('SIGTERM');
    };
    process.once('exit', killOnExit);
    void sub.finally(() => process.removeListener('exit', killOnExit)).catch(() => undefined);
  }
  const { onLine } = options;
  if (onLine) {
    // Line splitting of our own keeps execa's buffering of the full output intact.
    for (const stream of ['stdout', 'stderr'] as const) {
      let pending = '';
      sub[stream]?.on('data', (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) onLine(line.replace(/\r$/, ''), stream);
      });
      sub[stream]?.on('end', () => {
        if (pending !== '') onLine(pending, stream);
        pending = '';
      });
    }
  }
  const done = sub.then((r): RunResult => {
    const code = (r as { code?: string }).code;
    if (r.failed && r.exitCode === undefined && !r.signal && (code === 'ENOENT' || code === 'EACCES')) {
      return { exitCode: 127, stdout: '', stderr: r.shortMessage ?? code, missing: missingBinary(cmd, code) };
    }
    const signal = r.signal ?? undefined;
    const exitCode = r.exitCode ?? (signal ? (SIGNAL_EXIT[signal] ?? 1) : 1);
    return {
      exitCode,
      stdout: typeof r.stdout === 'string' ? r.stdout : '',
      stderr: typeof r.stderr === 'string' ? r.stderr : '',
      ...(signal ? { signal } : {}),
    };
  });
  return {
    get pid() {
      return sub.pid;
    },
    interrupt: () => {
      sub.kill('SIGINT');
    },
    kill: () => {
      sub.kill('SIGTERM');
    },
    done,
  };
}

export const execaRunner: Runner = {
  run: (cmd, args, options = {}) => startChild(cmd, args, options).done,
  spawn: (cmd, args, options = {}) => startChild(cmd, args, options),
};

/** Prints each command before running it (`--verbose`); argv never holds a secret. */
export function verboseRunner(inner: Runner, print: (line: string) => void): Runner {
  const show = (cmd: string, args: readonly string[]) => print(`$ ${[cmd, ...args].map(quoteArg).join(' ')}`);
  return {
    run: (cmd, args, options) => {
      show(cmd, args);
      return inner.run(cmd, args, options);
    },
    spawn: (cmd, args, options) => {
      show(cmd, args);
      return inner.spawn(cmd, args, options);
    },
  };
}

/** Shell-quotes one argument for display (commands we print for users to copy). */
export function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
