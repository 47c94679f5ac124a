import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the e2e cluster from scripts/e2e/up.sh lives and which binaries drive it.
// Tests always use the checkout's own helm/kubectl (.cache/bin), never a system one.

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const E2E_DIR = process.env.E2E_DIR ?? path.join(REPO, '.e2e');
export const KUBECONFIG = path.join(E2E_DIR, 'kubeconfig');
export const CHART_DIR = path.join(REPO, 'flask-app');
export const BIN = path.join(REPO, '.cache', 'bin');
export const KUBECTL = path.join(BIN, 'kubectl135');

export type HelmMajor = 3 | 4;
export const HELM_MAJORS: readonly HelmMajor[] = [3, 4];
export function helmBinary(major: HelmMajor): string {
  return path.join(BIN, `helm${major}`);
}

export interface ClusterInfo {
  kubeconfig: string;
  apiPort: number;
  /** Local port the default ClusterPortForward sends pod port 8080 to. */
  targetPort: number;
  /** 'app' (Flask under uWSGI) or 'fallback' (stdlib stand-in). */
  target: 'app' | 'fallback';
}

/** Parses `.e2e/cluster.env` (KEY=value lines written by up.sh). Pure. */
export function parseClusterEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

/** The running cluster, or a thrown error that says how to start one. */
export function requireCluster(dir: string = E2E_DIR): ClusterInfo {
  const envFile = path.join(dir, 'cluster.env');
  const kubeconfig = path.join(dir, 'kubeconfig');
  if (!existsSync(envFile) || !existsSync(kubeconfig)) {
    throw new Error(`no e2e cluster in ${dir}: run \`npm run e2e:build && npm run e2e:up\` first`);
  }
  const env = parseClusterEnv(readFileSync(envFile, 'utf8'));
  const targetFile = path.join(dir, 'target');
  const target = existsSync(targetFile) && readFileSync(targetFile, 'utf8').trim() === 'app' ? 'app' : 'fallback';
  return {
    kubeconfig,
    apiPort: Number(env.API_PORT),
    targetPort: Number(env.TARGET_PORT),
    target,
  };
}
