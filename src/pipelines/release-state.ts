// Reads where a release stands (helm history -o json, or helm's storage labels). Thin:
// what the answer means is decided in rollout/release-state.ts.

import type { ClusterReader } from '../kube/cluster-reader.js';
import { helmClient } from '../kube/helm/client.js';
import { fromStorageLabels } from '../kube/helm/release-history.js';
import type { Runner } from '../kube/runner.js';
import type { History } from '../rollout/release-state.js';

import { kubeTarget, type ReleasePlan } from './plan.js';

export async function readHistory(
  runner: Runner,
  plan: Pick<ReleasePlan, 'helm' | 'namespace' | 'kubectl' | 'release'>,
): Promise<History | { error: string }> {
  const h = await helmClient(runner, plan.helm, kubeTarget(plan)).history({ release: plan.release, max: 20 });
  if (h.kind === 'ok') return { exists: true, revisions: h.value };
  if (h.kind === 'not-found') return { exists: false };
  return { error: h.result.stderr.trim() || `helm history exited ${h.result.exitCode}` };
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
