// What the wizard's first screen shows: which cluster, whether it answers, which
// helm/kubectl. Bounded in time so an unreachable cluster costs seconds, not minutes.
import { findBinaries } from '../kube/binaries.js';
import { detectHelm } from '../kube/helm-version.js';
import { kubectl } from '../kube/kubectl-args.js';
import type { Runner } from '../kube/runner.js';
import { afterFirstFrame } from '../screens/first-frame.js';
import type { PreflightFacts } from '../screens/wizard-contract.js';
import type { KubeOptions } from './context.js';

const REACH_TIMEOUT_MS = 3000;
/** Longest the probes wait for the wizard's first frame (a slow disk, or no wizard at all). */
const FIRST_FRAME_WAIT_MS = 1000;

function gitVersion(json: string, key: 'clientVersion' | 'serverVersion'): string | undefined {
  try {
    const v = (JSON.parse(json) as Record<string, { gitVersion?: string } | undefined>)[key]?.gitVersion;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '' && !l.startsWith('Client Version')) ?? 'no answer'
  ).slice(0, 160);
}

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
  const run = (c: { cmd: string; args: string[] }, s: AbortSignal = signal) => runner.run(c.cmd, c.args, { signal: s });
  // `kubectl version -o json` reports the client version even when the server does not
  // answer: one process for both keeps start-up light on a busy machine.
  const [helm, ctx, server] = await Promise.all([
    helmP,
    run(kubectl.currentContext(target)),
    run(kubectl.serverVersion(target), timeout),
  ]);
  const context = o.kubeContext ?? (ctx.exitCode === 0 ? ctx.stdout.trim() || null : null);
  const serverVersion = server.exitCode === 0 ? gitVersion(server.stdout, 'serverVersion') : undefined;
  return {
    context,
    reachable: serverVersion !== undefined,
    ...(serverVersion === undefined
      ? {
          unreachableReason:
            context === null
              ? 'no current kube context (no kubeconfig?)'
              : timeout.aborted
                ? `no answer within ${REACH_TIMEOUT_MS / 1000} s`
                : firstLine(server.stderr),
        }
      : { serverVersion }),
    helmVersion: helm?.ok ? helm.helm.version : null,
    kubectlVersion: gitVersion(server.stdout, 'clientVersion') ?? null,
  };
}
