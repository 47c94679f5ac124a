import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { CHART_DIR, type HelmMajor } from './cluster.js';
import { kubectlOk } from './run.js';

// flask-app chart plumbing for e2e tests: helm is always called with
// `-f flask-app/values-<env>.yaml -f <override file>`, as the wizard does.

export type Environment = 'dev' | 'staging' | 'prod';
export const ENVIRONMENTS: readonly Environment[] = ['dev', 'staging', 'prod'];

export function envValuesFile(env: Environment): string {
  return path.join(CHART_DIR, `values-${env}.yaml`);
}

let overrideDir: string | undefined;
let overrideCount = 0;
/** Writes an override values file and returns its path. */
export function writeOverride(values: Record<string, unknown>): string {
  overrideDir ??= mkdtempSync(path.join(tmpdir(), 'fhw-e2e-values-'));
  overrideCount += 1;
  const file = path.join(overrideDir, `override-${overrideCount}.yaml`);
  writeFileSync(file, stringify(values));
  return file;
}

/** `-f values-<env>.yaml -f <override>` plus helm's own `--set` pairs. */
export function valuesArgs(env: Environment, override: Record<string, unknown>, set: Record<string, string> = {}) {
  const args = ['-f', envValuesFile(env), '-f', writeOverride(override)];
  for (const [key, value] of Object.entries(set)) args.push('--set', `${key}=${value}`);
  return args;
}

/**
 * The flags that make a failed upgrade roll itself back: Helm 3 `--atomic`,
 * Helm 4 `--rollback-on-failure` (which waits with kstatus, the "watcher").
 */
export function rollbackOnFailureFlag(major: HelmMajor): string {
  return major === 3 ? '--atomic' : '--rollback-on-failure';
}

// What a namespace holds before anything is installed in it.
const NAMESPACE_DEFAULTS = new Set(['configmap/kube-root-ca.crt', 'serviceaccount/default']);

/**
 * Every object left in a namespace as `kind/name` (events and the namespace's own
 * defaults excepted), across all namespaced, listable resource types the API serves.
 */
export async function namespaceContents(namespace: string): Promise<string[]> {
  const types = (await kubectlOk(['api-resources', '--verbs=list', '--namespaced', '-o', 'name']))
    .split('\n')
    .map((t) => t.trim())
    .filter((t) => t && t !== 'events' && t !== 'events.events.k8s.io');
  const out = await kubectlOk(['get', types.join(','), '-n', namespace, '-o', 'name', '--ignore-not-found']);
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => l.replace(/^([a-z0-9]+)(\.[a-z0-9.-]+)?\//, (_m, kind: string) => `${kind}/`))
    .filter((l) => !NAMESPACE_DEFAULTS.has(l));
}
