// The port-forward step: find the release's Service, forward a local port to it,
// and hand out the URL only once /health answered through the tunnel.
import type { Pod } from '../kube/k8s-types.js';
import { forward } from '../kube/port-forward.js';
import { EXIT, type RunEvent, stepStart } from '../rollout/events.js';
import type { ReleasePlan } from './plan.js';
import { readerOf, type TaskDeps } from './steps.js';
import { streamOf } from './stream.js';

export interface ForwardRequest {
  keepOpen: boolean;
  preferredPort: number;
}

/** A Ready, not-terminating app pod of the release (newest first) and its `http` port. */
export function readyAppPod(pods: readonly Pod[]): { name: string; port: number } | undefined {
  const ready = pods
    .filter((p) => !p.metadata?.deletionTimestamp)
    .filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
    .sort((a, b) => (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''));
  const pod = ready[0];
  if (!pod?.metadata?.name) return undefined;
  const ports = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  const http = ports.find((p) => p.name === 'http') ?? ports[0];
  return { name: pod.metadata.name, port: http?.containerPort ?? 8080 };
}

export function portForwardTask(
  plan: Pick<ReleasePlan, 'release' | 'namespace' | 'kubectl'>,
  deps: TaskDeps,
  req: ForwardRequest,
): AsyncGenerator<RunEvent> {
  return streamOf(async (emit) => {
    emit(stepStart('port-forward'));
    const selector = `app.kubernetes.io/name=flask-app,app.kubernetes.io/instance=${plan.release}`;
    const reader = readerOf(deps, plan.kubectl);
    const listPods = async () =>
      ((await reader.releaseObjects(plan.namespace, selector)) ?? []).filter((o): o is Pod => o.kind === 'Pod');
    const restart = `flask-helm-wizard port-forward -n ${plan.namespace} -r ${plan.release}${plan.kubectl.kubeContext ? ` --kube-context ${plan.kubectl.kubeContext}` : ''}`;
    const result = await forward({
      runner: deps.runner,
      kubectl: plan.kubectl,
      namespace: plan.namespace,
      // A pod, not the Service: kubectl would pin the Service to one pod anyway, and
      // naming the pod lets us notice when it is replaced and follow the new one.
      resolveTarget: async () => {
        const pod = readyAppPod(await listPods());
        return pod
          ? { resource: `pod/${pod.name}`, remotePort: pod.port }
          : { error: `no Ready pod of release ${plan.release} in ${plan.namespace}` };
      },
      targetAlive: async (t) =>
        (await listPods()).some((p) => `pod/${p.metadata?.name}` === t.resource && readyAppPod([p])),
      preferredPort: req.preferredPort,
      signal: deps.signal,
      keepOpen: req.keepOpen,
      restartCommand: restart,
      onState: (state) => {
        emit({ type: 'forward', state });
        if (state.phase === 'forwarding') emit({ type: 'url', url: state.url });
      },
    });
    if (!result.ok) {
      const cause = {
        message: `release ${plan.release} is deployed but not answering: ${result.reason}`,
        hint: `look at the pods: kubectl get pods -n ${plan.namespace} -l app.kubernetes.io/instance=${plan.release}`,
      };
      emit({ type: 'step-failed', step: 'port-forward', cause });
      emit({ type: 'result', outcome: 'failed', exitCode: EXIT.failure, summary: cause.message, cause });
      return;
    }
    if (req.keepOpen && deps.signal.aborted) {
      // Ctrl-C is how a kept-open forward ends; the 'stopped' state already said how to restart.
      emit({ type: 'result', outcome: 'interrupted', exitCode: EXIT.interrupted, summary: 'port-forward stopped' });
      return;
    }
    emit({ type: 'step-done', step: 'port-forward', detail: result.url });
    emit({ type: 'result', outcome: 'ok', exitCode: EXIT.ok, summary: `${result.url} answers /health` });
  });
}
