// Runs the built CLI (dist/ via bin/) as a child process in a temp directory, the way
// a user or a CI job would: stdin is a pipe (never a TTY), so the CLI is headless.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO = join(import.meta.dirname, '../../..');
export const BIN = join(REPO, 'bin/flask-helm-wizard.js');
export const HELM3 = join(REPO, '.cache/bin/helm3');
export const HELM4 = join(REPO, '.cache/bin/helm4');
export const CHART = join(REPO, 'flask-app');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  const out = join(REPO, 'dist/cli.js');
  return existsSync(out) && statSync(out).mtimeMs >= newestMtime(join(REPO, 'src'));
}

/** Builds dist/ when src/ is newer (test files run in parallel: one builds, the others wait). */
export function ensureBuilt(): void {
  if (isFresh()) return;
  const lock = join(REPO, '.cache/cli-test-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`build lock ${lock} is stuck; remove it`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (isFresh()) return;
    const r = spawnSync(process.execPath, [join(REPO, 'scripts/build.mjs')], { cwd: REPO, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
  } finally {
    rmdirSync(lock);
  }
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'fhw-cli-'));
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  o: { cwd: string; helm?: string; stdin?: string; env?: Record<string, string> },
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, FHW_HELM: o.helm ?? HELM4, NO_COLOR: '1', ...o.env };
  delete env.CI;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: o.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(o.stdin ?? '');
  });
}

export function helm(bin: string, args: string[], cwd: string): { code: number | null; output: string } {
  const r = spawnSync(bin, args, { cwd, encoding: 'utf8' });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}
