// A small Runner on node:child_process for the wizard's start-up probes (helm and
// kubectl versions, current context). It starts the children before execa would even
// be loaded, so they run while the Ink screens compile; everything else uses the execa
// runner (runner.ts).
import { execFile } from 'node:child_process';
// Type-only: a value import of runner.ts would load execa right here.
import type { MissingBinary, Runner, RunResult } from './runner.js';

function run(cmd: string, args: readonly string[], signal?: AbortSignal): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      cmd,
      [...args],
      { encoding: 'utf8', maxBuffer: 4 * 1024 * 1024, ...(signal ? { signal } : {}) },
      (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (code === 'ENOENT' || code === 'EACCES') {
          const missing: MissingBinary = {
            kind: 'missing-binary',
            binary: cmd,
            message: `cannot run ${cmd}: ${code}`,
            hint: 'install it and put it on PATH, or point --helm-binary/--kubectl-binary at it',
          };
          resolve({ exitCode: 127, stdout: '', stderr: code, missing });
          return;
        }
        resolve({ exitCode: error ? (child.exitCode ?? 1) : 0, stdout: stdout.trim(), stderr: stderr.trim() });
      },
    );
    child.stdin?.end();
  });
}

export const probeRunner: Runner = {
  run: (cmd, args, options = {}) => run(cmd, args, options.signal),
  spawn: () => {
    throw new Error('probeRunner only runs short probes');
  },
};
