import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { type HelmMajor, helmBinary, KUBECONFIG, KUBECTL } from './cluster.js';

// Thin process edge for e2e tests: every call returns exit code, output and wall
// time instead of throwing, so a test can assert on failures too. The *Ok variants
// throw with the command's stderr when it fails.

export interface RunResult {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
}

export interface RunOptions {
  /** Fed to stdin; the way to hand a command a Secret without putting it in argv. */
  input?: string;
  timeoutMs?: number;
  env?: Record<string, string>;
  cwd?: string;
  kubeconfig?: string;
}

export async function run(file: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const started = Date.now();
  const result = await execa(file, args, {
    reject: false,
    stdin: opts.input === undefined ? 'ignore' : 'pipe',
    ...(opts.input === undefined ? {} : { input: opts.input }),
    timeout: opts.timeoutMs ?? 120_000,
    env: { ...opts.env },
    ...(opts.cwd === undefined ? {} : { cwd: opts.cwd }),
  });
  return {
    command: [path.basename(file), ...args].join(' '),
    exitCode: result.exitCode ?? -1,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
    durationMs: Date.now() - started,
    timedOut: result.timedOut === true,
  };
}

export function describeFailure(r: RunResult): string {
  const why = r.timedOut ? 'timed out' : `exited ${r.exitCode}`;
  return `\`${r.command}\` ${why} after ${r.durationMs} ms\n${r.stderr.trim() || r.stdout.trim()}`;
}

async function ok(r: Promise<RunResult>): Promise<RunResult> {
  const res = await r;
  if (res.exitCode !== 0) throw new Error(describeFailure(res));
  return res;
}

export function kubectl(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return run(KUBECTL, ['--kubeconfig', opts.kubeconfig ?? KUBECONFIG, ...args], opts);
}

export async function kubectlOk(args: readonly string[], opts: RunOptions = {}): Promise<string> {
  return (await ok(kubectl(args, opts))).stdout;
}

export async function kubectlJson<T>(args: readonly string[], opts: RunOptions = {}): Promise<T> {
  return JSON.parse(await kubectlOk([...args, '-o', 'json'], opts)) as T;
}

/** `kubectl apply -f -` in a namespace, the manifest on stdin (safe for Secrets). */
export async function applyYaml(namespace: string, yaml: string, opts: RunOptions = {}): Promise<string> {
  return kubectlOk(['apply', '-n', namespace, '-f', '-'], { ...opts, input: yaml });
}

// Helm keeps its config, cache and repositories in a throwaway home so tests never
// read or write the user's, and Helm 3 and Helm 4 never share one.
const helmHomes = new Map<HelmMajor, string>();
function helmEnv(major: HelmMajor, kubeconfig: string): Record<string, string> {
  let home = helmHomes.get(major);
  if (home === undefined) {
    home = mkdtempSync(path.join(tmpdir(), `fhw-e2e-helm${major}-`));
    helmHomes.set(major, home);
  }
  return {
    KUBECONFIG: kubeconfig,
    HELM_CONFIG_HOME: path.join(home, 'config'),
    HELM_CACHE_HOME: path.join(home, 'cache'),
    HELM_DATA_HOME: path.join(home, 'data'),
  };
}

export function helm(major: HelmMajor, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const kubeconfig = opts.kubeconfig ?? KUBECONFIG;
  return run(helmBinary(major), [...args, '--kubeconfig', kubeconfig], {
    ...opts,
    env: { ...helmEnv(major, kubeconfig), ...opts.env },
  });
}

export async function helmOk(major: HelmMajor, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return ok(helm(major, args, opts));
}
