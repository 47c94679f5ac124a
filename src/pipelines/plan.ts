// What one release operation needs to know, independent of how the answers were
// gathered (wizard, flags, answers file). The CLI builds it; tasks only read it.

import type { KubeTarget, ValuesLayers } from '../kube/helm/args.js';
import type { HelmBin } from '../kube/helm/version.js';
import type { KubectlTarget } from '../kube/kubectl-args.js';
import type { FailFastRules } from '../rollout/classify.js';

export type Environment = 'dev' | 'staging' | 'prod';

/** A Secret the wizard creates (e.g. a typed database password); applied from stdin. */
export interface SecretToCreate {
  name: string;
  data: Record<string, string>;
}

export interface ReleasePlan {
  environment: Environment;
  namespace: string;
  release: string;
  chartDir: string;
  /** `<chart>/values-<env>.yaml`, the override file, pass-through `-f`s and `--set`s, in helm order. */
  values: ValuesLayers;
  /**
   * What the override file held when it last described the deployed release (null: no
   * file). Restored when an upgrade is rolled back. Left undefined, the task reads the
   * file as it is when the run starts.
   */
  overrideBefore?: string | null | undefined;
  /** Go duration for helm's --timeout (e.g. `5m0s`). */
  timeout: string;
  helm: HelmBin;
  kubectl: KubectlTarget;
  secrets?: readonly SecretToCreate[];
  failFast?: Partial<FailFastRules>;
  /** How often the pod watcher looks (ms). */
  pollMs?: number;
}

export function kubeTarget(plan: Pick<ReleasePlan, 'namespace' | 'kubectl'>): KubeTarget {
  return { namespace: plan.namespace, kubeContext: plan.kubectl.kubeContext, kubeconfig: plan.kubectl.kubeconfig };
}

/** Every object of a release carries this label (the chart contract). */
export function releaseSelector(release: string): string {
  return `app.kubernetes.io/instance=${release}`;
}

/** Secrets created by the wizard (not by helm): what `uninstall` also removes. */
export function wizardSecretSelector(release: string): string {
  return `app.kubernetes.io/managed-by=flask-helm-wizard,app.kubernetes.io/instance=${release}`;
}
