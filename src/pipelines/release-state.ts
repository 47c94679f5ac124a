// Reads where a release stands (helm history -o json, or helm's storage labels). Thin:
// what the answer means is decided in rollout/release-state.ts.

import type { ClusterReader } from '../kube/cluster-reader.js';
import { helmHistory } from '../kube/helm/args.js';
import { fromStorageLabels, parseHistory } from '../kube/helm/release-history.js';
import type { Runner } from '../kube/runner.js';
import type { History } from '../rollout/release-state.js';

import { kubeTarget, type ReleasePlan } from './plan.js';

export async function readHistory(
  runner: Runner,
  plan: Pick<ReleasePlan, 'helm' | 'namespace' | 'kubectl' | 'release'>,
): Promise<History | { error: string }> {
  const c = helmHistory(plan.helm, kubeTarget(plan), { release: plan.release, max: 20 });
  const r = await runner.run(c.cmd, c.args);
  if (r.exitCode !== 0) {
    if (/not found/i.test(r.stderr)) return { exists: false };
    return { error: r.stderr.trim() || `helm history exited ${r.exitCode}` };
  }
  return { exists: true, revisions: parseHistory(r.stdout) };
}

/**
 * The same from helm's storage labels when the reader sees them (no process; revision
 * and status only, no description), else from `helm history`.
 */
export async function readRevisions(
  reader: ClusterReader,
  runner: Runner,
  plan: Pick<ReleasePlan, 'helm' | 'namespace' | 'kubectl' | 'release'>,
): Promise<History | { error: string }> {
  const stored = await reader.releaseRevisions(plan.namespace, plan.release);
  if (!stored) return readHistory(runner, plan);
  return stored.length > 0 ? { exists: true, revisions: fromStorageLabels(stored) } : { exists: false };
}
