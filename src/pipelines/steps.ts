// The short steps around the helm run: create the wizard's Secrets (from stdin),
// check the chart renders, run `helm test`.
import type { ClusterReader } from '../kube/cluster-reader.js';
import { kubectlReader } from '../kube/cluster-reader-kubectl.js';
import { helmTemplate, helmTest } from '../kube/helm/args.js';
import { type KubectlTarget, kubectl } from '../kube/kubectl-args.js';
import type { Runner } from '../kube/runner.js';
import { EXIT, type FailureCause, type RunEvent, type StepId, stepStart } from '../rollout/events.js';
import { helmFailure } from '../rollout/outcome.js';
import { kubeTarget, type ReleasePlan } from './plan.js';

export interface TaskDeps {
  runner: Runner;
  /** Aborted on Ctrl-C: helm is interrupted, the release settled, and the run ends with 130. */
  signal: AbortSignal;
  /** How cluster reads are made (the API directly, or kubectl); kubectl when absent. */
  reader?: ClusterReader;
}

export function readerOf(deps: Pick<TaskDeps, 'runner' | 'reader'>, k: KubectlTarget): ClusterReader {
  return deps.reader ?? kubectlReader(deps.runner, k);
}

export type Emit = (e: RunEvent) => void;

export function fail(emit: Emit, step: StepId, cause: FailureCause): void {
  emit({ type: 'step-failed', step, cause });
  emit({ type: 'result', outcome: 'failed', exitCode: EXIT.failure, summary: cause.message, cause });
}

export function interruptedBeforeStart(emit: Emit): void {
  emit({
    type: 'result',
    outcome: 'interrupted',
    exitCode: EXIT.interrupted,
    summary: 'interrupted before anything was applied',
  });
}

export async function secretsStep(plan: ReleasePlan, deps: TaskDeps, emit: Emit): Promise<boolean> {
  const secrets = plan.secrets ?? [];
  if (secrets.length === 0) {
    emit({ type: 'step-skipped', step: 'secrets', reason: 'no secrets to create' });
    return true;
  }
  emit(stepStart('secrets'));
  const apply = kubectl.applyStdin(plan.kubectl, plan.namespace);
  const ns = kubectl.getNamed(plan.kubectl, 'namespace', plan.namespace);
  const exists = await deps.runner.run(ns.cmd, ns.args);
  if (exists.exitCode === 0 && !exists.stdout.trim()) {
    const manifest = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: plan.namespace } };
    await deps.runner.run(apply.cmd, apply.args, { input: JSON.stringify(manifest) });
  }
  for (const s of secrets) {
    const manifest = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: {
        name: s.name,
        namespace: plan.namespace,
        labels: { 'app.kubernetes.io/managed-by': 'flask-helm-wizard', 'app.kubernetes.io/instance': plan.release },
      },
      stringData: s.data,
    };
    // stdin only: the secret never appears in argv, logs or events.
    const r = await deps.runner.run(apply.cmd, apply.args, { input: JSON.stringify(manifest) });
    if (r.exitCode !== 0) {
      fail(emit, 'secrets', {
        message: `could not create Secret ${s.name}: ${r.stderr.trim()}`,
        hint: 'check your permissions on Secrets in this namespace',
      });
      return false;
    }
  }
  emit({ type: 'step-done', step: 'secrets', detail: secrets.map((s) => s.name).join(', ') });
  return true;
}

export async function renderStep(plan: ReleasePlan, deps: TaskDeps, emit: Emit): Promise<boolean> {
  emit(stepStart('render'));
  const c = helmTemplate(plan.helm, {
    release: plan.release,
    namespace: plan.namespace,
    chartDir: plan.chartDir,
    values: plan.values,
  });
  // The render is checked, never printed: it may hold generated Secret data.
  const r = await deps.runner.run(c.cmd, c.args, { signal: deps.signal });
  if (deps.signal.aborted) {
    interruptedBeforeStart(emit);
    return false;
  }
  if (r.exitCode !== 0) {
    fail(emit, 'render', {
      message: `the chart does not render: ${helmFailure(r)}`,
      hint: 'fix the value it names (in your answers, -f or --set)',
    });
    return false;
  }
  emit({ type: 'step-done', step: 'render' });
  return true;
}

export async function testStep(plan: ReleasePlan, deps: TaskDeps, emit: Emit): Promise<boolean> {
  emit(stepStart('test'));
  const c = helmTest(plan.helm, kubeTarget(plan), { release: plan.release, timeout: plan.timeout });
  const r = await deps.runner.run(c.cmd, c.args, {
    onLine: (line) => {
      if (line.trim()) emit({ type: 'log', step: 'test', line });
    },
  });
  if (r.exitCode !== 0) {
    const cause = {
      message: `helm test failed: ${helmFailure(r)}`,
      hint: `the release stays deployed; rerun the tests with their logs: helm test ${plan.release} -n ${plan.namespace} --logs`,
    };
    emit({ type: 'step-failed', step: 'test', cause });
    emit({
      type: 'result',
      outcome: 'failed',
      exitCode: EXIT.failure,
      summary: `${plan.release} is deployed but its tests fail`,
      cause,
    });
    return false;
  }
  emit({ type: 'step-done', step: 'test' });
  return true;
}
