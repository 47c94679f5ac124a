// Helpers of the real-node suite (E2E_NODES=real npm run e2e:up): the kwok suite's
// helpers (../e2e/helpers) plus what only a real node has — the images values file,
// exec into real containers, the built CLI with the lane's images.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import {
  E2E_DIR,
  type HelmMajor,
  helmBinary,
  helmOk,
  KUBECONFIG,
  KUBECTL,
  kubectl,
  REPO,
  requireCluster,
} from '../e2e/helpers/index.js';

export const NODE_DIR = path.join(E2E_DIR, 'node');
/** Image names of the lane's local images (app, PostgreSQL and Valkey stand-ins). */
export const IMAGES_VALUES = path.join(NODE_DIR, 'images.values.yaml');
export const CLI = process.env.FHW_E2E_CLI ?? path.join(REPO, 'bin', 'flask-helm-wizard.js');

/** The running real-node cluster, or a thrown error saying how to start one. */
export function requireRealNode(): void {
  requireCluster();
  const lane = path.join(E2E_DIR, 'lane');
  if (!existsSync(lane) || readFileSync(lane, 'utf8').trim() !== 'real' || !existsSync(IMAGES_VALUES)) {
    throw new Error(`the e2e cluster in ${E2E_DIR} is not the real-node lane: run \`E2E_NODES=real npm run e2e:up\``);
  }
}

export interface CliResult {
  exitCode: number;
  out: string;
  ms: number;
}

function cliArgs(major: HelmMajor, args: readonly string[]): string[] {
  return [
    CLI,
    ...args,
    ...['-f', IMAGES_VALUES],
    ...['--helm-binary', helmBinary(major), '--kubectl-binary', KUBECTL, '--kubeconfig', KUBECONFIG],
  ];
}

/** The built CLI, headless, with the lane's images values file added. */
export async function cli(
  major: HelmMajor,
  cwd: string,
  args: readonly string[],
  timeoutMs = 420_000,
): Promise<CliResult> {
  const started = Date.now();
  const r = await execa(process.execPath, cliArgs(major, args), {
    cwd,
    reject: false,
    stdin: 'ignore',
    timeout: timeoutMs,
  });
  return { exitCode: r.exitCode ?? -1, out: `${r.stdout}\n${r.stderr}`, ms: Date.now() - started };
}

/** The CLI as a child that keeps running (port-forward), with its output so far. */
export function spawnCli(major: HelmMajor, cwd: string, args: readonly string[]) {
  const child = execa(process.execPath, cliArgs(major, args), { cwd, reject: false, stdin: 'ignore', buffer: false });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  return { child, output: () => text };
}

/** `kubectl exec` into a running container; exit code and output, never throws. */
export async function execIn(ns: string, target: string, command: readonly string[], container?: string) {
  const r = await kubectl(['exec', '-n', ns, target, ...(container ? ['-c', container] : []), '--', ...command]);
  return { exitCode: r.exitCode, out: `${r.stdout}${r.stderr}` };
}

export interface Revision {
  revision: number;
  status: string;
  description: string;
}

export async function history(major: HelmMajor, ns: string, release = 'flask-app'): Promise<Revision[]> {
  return JSON.parse((await helmOk(major, ['history', release, '-n', ns, '-o', 'json'])).stdout) as Revision[];
}

export async function deployedValues(major: HelmMajor, ns: string, release = 'flask-app') {
  return JSON.parse((await helmOk(major, ['get', 'values', release, '-n', ns, '-o', 'json'])).stdout) as Record<
    string,
    unknown
  >;
}
