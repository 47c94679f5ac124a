// Picks the cluster reader's transport: the Kubernetes API directly (no process per
// read) when the kubeconfig uses certificates, tokens or a non-interactive exec plugin;
// kubectl for everything else, or when FHW_KUBE_API=0.
import { openKubeApi } from './api/client.js';
import type { ClusterReader } from './cluster-reader.js';
import { apiReader } from './cluster-reader-api.js';
import { kubectlReader } from './cluster-reader-kubectl.js';
import type { KubectlTarget } from './kubectl-args.js';
import type { Runner } from './runner.js';

export { apiReader, kubectlReader };

/** `log` hears why kubectl is used when the API cannot be (shown with --verbose). */
export async function openClusterReader(
  runner: Runner,
  k: KubectlTarget,
  env: Readonly<Record<string, string | undefined>>,
  log?: (line: string) => void,
): Promise<ClusterReader> {
  if (env.FHW_KUBE_API === '0') return kubectlReader(runner, k);
  const opened = await openKubeApi(k, env);
  if (opened.ok) return apiReader(opened.api, env, log);
  log?.(`(reading the cluster with kubectl: ${opened.reason})`);
  return kubectlReader(runner, k);
}
