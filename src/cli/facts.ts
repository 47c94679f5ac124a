// What the wizard's first screen shows: which cluster, whether it answers, which
// helm/kubectl. Bounded in time so an unreachable cluster costs seconds, not minutes.
import { findBinaries } from '../kube/binaries.js';
import { detectHelm } from '../kube/helm/version.js';
import { kubectlClientVersion } from '../kube/kubectl-version.js';
import type { Runner } from '../kube/runner.js';
import { afterFirstFrame } from '../ui/screens/first-frame.js';
import type { PreflightFacts } from '../ui/wizard/contract.js';
import type { KubeOptions } from './context.js';

const REACH_TIMEOUT_MS = 3000;
/** Longest the probes wait for the wizard's first frame (a slow disk, or no wizard at all). */
const FIRST_FRAME_WAIT_MS = 1000;

export async function gatherFacts(
  runner: Runner,
  o: KubeOptions,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
): Promise<PreflightFacts> {
  const found = findBinaries(o, env);
  await afterFirstFrame(FIRST_FRAME_WAIT_MS);
  const helmP = found.helm.ok ? detectHelm(runner, found.helm.path, signal) : Promise.resolve(undefined);
  if (!found.kubectl.ok) {
    const helm = await helmP;
    return {
      context: null,
      reachable: false,
      unreachableReason: found.kubectl.error.message,
      helmVersion: helm?.ok ? helm.helm.version : null,
      kubectlVersion: null,
    };
  }
  const target = { path: found.kubectl.path, kubeContext: o.kubeContext, kubeconfig: o.kubeconfig };
  const timeout = AbortSignal.any([signal, AbortSignal.timeout(REACH_TIMEOUT_MS)]);
  // The same reader preflight uses: with a plain kubeconfig, one HTTPS request and no
  // kubectl process (its version is remembered like helm's).
  const reach = async () => {
    // Loaded here, after the first frame: the HTTP/2 and TLS modules are not light.
    const { openClusterReader } = await import('../kube/open-cluster-reader.js');
    const reader = await openClusterReader(runner, target, env);
    try {
      const [view, server] = await Promise.all([reader.contextView(), reader.serverVersion(timeout)]);
      return { context: o.kubeContext ?? view.context, server };
    } finally {
      reader.close();
    }
  };
  const [helm, kubectlVersion, { context, server }] = await Promise.all([
    helmP,
    kubectlClientVersion(runner, found.kubectl.path),
    reach(),
  ]);
  return {
    context,
    reachable: server.ok,
    ...(server.ok
      ? { serverVersion: server.version }
      : {
          unreachableReason:
            context === null
              ? 'no current kube context (no kubeconfig?)'
              : timeout.aborted
                ? `no answer within ${REACH_TIMEOUT_MS / 1000} s`
                : server.reason.slice(0, 160),
        }),
    helmVersion: helm?.ok ? helm.helm.version : null,
    kubectlVersion: kubectlVersion ?? null,
  };
}
