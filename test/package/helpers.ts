// The package as users meet it: `npm pack` of a copy of the checkout (so its prepack
// release build never swaps dist/ under tests that run the checkout's CLI), and npm
// commands run in a bare environment: a temp HOME, an empty npm cache, no npm_* or
// FHW_* variables from the test runner, helm only through PATH.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO = join(import.meta.dirname, '../..');

/** Not part of what `npm pack` reads or the prepack build needs. */
const NOT_STAGED = new Set(['.git', 'node_modules', '.cache', '.e2e', 'dist', 'test', 'bench', 'coverage']);
const NEVER_COPIED = new Set(['__pycache__', '.pytest_cache', '.venv', 'node_modules']);

export async function tempDir(prefix = 'fhw-pkg-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export interface Bare {
  env: NodeJS.ProcessEnv;
  home: string;
  cache: string;
}

/**
 * A first-time user's environment under `root`: own HOME and empty npm cache, PATH
 * with node and the checkout's helm (`.cache/bin`, from scripts/tools/fetch-helm.sh).
 * `registry` defaults to a closed port, so anything npm tries to download fails.
 */
export function bareEnv(root: string, o: { registry?: string; npmrc?: string } = {}): Bare {
  const home = join(root, 'home');
  const cache = join(root, 'npm-cache');
  mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: [join(REPO, '.cache/bin'), dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: home,
    TMPDIR: tmpdir(),
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
    // No cluster anywhere: render must not need one.
    KUBECONFIG: join(root, 'no-kubeconfig'),
    npm_config_cache: cache,
    npm_config_userconfig: o.npmrc ?? join(home, '.npmrc'),
    npm_config_registry: o.registry ?? 'http://127.0.0.1:9/',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  return { env, home, cache };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function run(
  cmd: string,
  args: string[],
  o: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: o.cwd, env: o.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** What `npm pack --json` says about the tarball it wrote. */
export interface PackInfo {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

export interface Packed {
  /** The staged copy of the checkout that was packed (prepack built its dist/). */
  stage: string;
  tarball: string;
  info: PackInfo;
}

/** Copies the checkout to `root/stage` (node_modules linked, not copied) and runs `npm pack` there. */
export async function packStaged(root: string): Promise<Packed> {
  const stage = join(root, 'stage');
  mkdirSync(stage, { recursive: true });
  for (const name of readdirSync(REPO)) {
    if (NOT_STAGED.has(name)) continue;
    cpSync(join(REPO, name), join(stage, name), {
      recursive: true,
      filter: (src) => !NEVER_COPIED.has(src.slice(src.lastIndexOf('/') + 1)),
    });
  }
  symlinkSync(join(REPO, 'node_modules'), join(stage, 'node_modules'));
  const out = join(root, 'packed');
  mkdirSync(out);
  const { env } = bareEnv(root);
  const r = await run('npm', ['pack', '--json', '--pack-destination', out], { cwd: stage, env });
  if (r.code !== 0) throw new Error(`npm pack failed (${r.code}):\n${r.stderr}`);
  // prepack's build output comes first on stdout; the JSON array is the last thing printed.
  const json = r.stdout.slice(r.stdout.indexOf('\n[') + 1);
  const [info] = JSON.parse(json) as PackInfo[];
  if (!info) throw new Error(`npm pack printed no result:\n${r.stdout}`);
  return { stage, tarball: join(out, info.filename), info };
}
