// install / upgrade: `helm upgrade --install` with helm's own rollback armed, while we
// watch the pods and interrupt helm the moment the rollout is doomed; then we make
// sure the release is settled (deployed with the last good values, or gone after a
// failed first install) and the override file describes it again.

import { sleep } from '../kube/channel.js';
import { helmUpgradeInstall } from '../kube/helm/args.js';
import type { Child } from '../kube/runner.js';
import { EXIT, type FailureCause, type RunEvent, type StepId, stepStart } from '../rollout/events.js';
import { causeOf, endingEvent, helmFailure, type Stop } from '../rollout/outcome.js';
import { beforeFrom, type History, isPending, latest } from '../rollout/release-state.js';
import { backupOverride, readIfExists, restoreOverride } from '../values/backup.js';
import { kubeTarget, type ReleasePlan } from './plan.js';
import { readRevisions } from './release-state.js';
import { settle } from './settle.js';
import { type Emit, fail, interruptedBeforeStart, readerOf, secretsStep, type TaskDeps } from './steps.js';
import { streamOf } from './stream.js';
import { baselineOf, type ClusterPicture, evidenceLogs, lookAtRelease, watchRollout } from './watch.js';

export type { TaskDeps };

/** What the caller already read (preflight did), so it is not read twice. */
export interface Known {
  history?: History;
  picture?: ClusterPicture;
}

export function installOrUpgrade(plan: ReleasePlan, deps: TaskDeps, known: Known = {}): AsyncGenerator<RunEvent> {
  return streamOf((emit) => run(plan, deps, emit, known));
}

async function run(plan: ReleasePlan, deps: TaskDeps, emit: Emit, known: Known): Promise<void> {
  const { runner } = deps;
  const reader = readerOf(deps, plan.kubectl);
  // Everything before helm starts is overhead: independent reads run together, and
  // the chart is not rendered separately (helm renders it first and fails before
  // changing anything when it cannot).
  const [history, picture] = await Promise.all([
    known.history ?? readRevisions(reader, runner, plan),
    known.picture ?? lookAtRelease(reader, plan),
  ]);
  if ('error' in history) {
    return fail(emit, 'preflight', {
      message: `cannot read release ${plan.release}: ${history.error}`,
      hint: 'check that the cluster is reachable (kubectl get namespaces)',
    });
  }
  const top = latest(history);
  if (isPending(top?.status)) {
    return fail(emit, 'preflight', {
      message: `release ${plan.release} is stuck in ${top?.status} from an earlier run`,
      hint: `settle it first: flask-helm-wizard rollback -n ${plan.namespace} -r ${plan.release}`,
    });
  }
  const before = beforeFrom(history);
  if (!(await secretsStep(plan, deps, emit))) return;
  if (deps.signal.aborted) return interruptedBeforeStart(emit);

  const overrideFile = plan.values.overrideFile;
  const overrideBefore =
    plan.overrideBefore !== undefined ? plan.overrideBefore : overrideFile ? await readIfExists(overrideFile) : null;
  if (overrideFile) await backupOverride(overrideFile, overrideBefore);
  const baseline = baselineOf(picture);

  const phase = new Phases(emit);
  phase.enter('apply');
  const c = helmUpgradeInstall(plan.helm, kubeTarget(plan), {
    release: plan.release,
    chartDir: plan.chartDir,
    values: plan.values,
    timeout: plan.timeout,
    createNamespace: true,
  });
  const helm = runner.spawn(c.cmd, c.args, {
    detached: true,
    onLine: (line) => {
      if (line.trim()) emit({ type: 'log', step: phase.current, line });
    },
  });
  const watching = new AbortController();
  const verdict = watchRollout({
    reader,
    plan,
    baseline,
    signal: watching.signal,
    emit,
    onSeen: (what) => phase.enter(what === 'hook' ? 'hooks' : 'rollout'),
  });
  const first = await Promise.race([
    helm.done.then((r) => ({ kind: 'exited' as const, r })),
    verdict.then((v) => (v ? { kind: 'verdict' as const, v } : new Promise<never>(() => {}))),
    aborted(deps.signal).then(() => ({ kind: 'interrupt' as const })),
  ]);
  watching.abort();

  if (first.kind === 'exited' && first.r.exitCode === 0) {
    phase.enter('rollout');
    phase.done();
    const now = await readRevisions(reader, runner, plan);
    const rev = 'exists' in now ? latest(now) : undefined;
    if (rev) {
      emit({
        type: 'release',
        release: plan.release,
        namespace: plan.namespace,
        revision: rev.revision,
        status: rev.status,
      });
    }
    const where = `${plan.release} is deployed in ${plan.namespace}${rev ? ` (revision ${rev.revision})` : ''}`;
    emit({ type: 'result', outcome: 'deployed', exitCode: EXIT.ok, summary: where });
    return;
  }

  let stop: Stop;
  if (first.kind === 'verdict') {
    emit({ type: 'verdict', verdict: first.v });
    // The logs are asked for in the same instant helm is interrupted: its rollback
    // takes seconds to replace the failing pod, the logs come back in a fraction of one.
    const logs = evidenceLogs(runner, plan, first.v);
    const stopped = stopHelm(helm);
    const cause = causeOf(first.v, await logs, plan.namespace);
    phase.fail(cause);
    await stopped;
    stop = { kind: 'verdict', cause };
  } else if (first.kind === 'interrupt') {
    phase.fail({ message: 'interrupted (Ctrl-C); waiting for helm to roll back' });
    await stopHelm(helm);
    stop = { kind: 'interrupt' };
  } else {
    const cause: FailureCause = {
      message: helmFailure(first.r),
      hint: 'see the helm output above (--verbose shows all of it)',
    };
    phase.fail(cause);
    stop = { kind: 'helm-failed', cause };
  }
  const settled = await settle(plan, { runner }, before, emit);
  const restored = overrideFile ? await restoreOverride(overrideFile, overrideBefore) : false;
  emit(endingEvent({ release: plan.release, stop, settled, before, restored }));
}

/** Tracks which of apply → hooks → rollout is running, emitting start/done as it moves on. */
class Phases {
  current: StepId = 'apply';
  private started = false;
  private readonly order: StepId[] = ['apply', 'hooks', 'rollout'];
  constructor(private readonly emit: Emit) {}
  enter(step: StepId): void {
    if (this.started && this.order.indexOf(step) <= this.order.indexOf(this.current)) return;
    if (this.started) this.emit({ type: 'step-done', step: this.current });
    this.current = step;
    this.started = true;
    this.emit(stepStart(step));
  }
  done(): void {
    this.emit({ type: 'step-done', step: this.current });
  }
  fail(cause: FailureCause): void {
    this.emit({ type: 'step-failed', step: this.current, cause });
  }
}

async function stopHelm(helm: Child): Promise<void> {
  helm.interrupt();
  // Helm's own rollback runs now; give it time, but never hang forever.
  const exited = await Promise.race([helm.done.then(() => true), sleep(120_000).then(() => false)]);
  if (!exited) helm.kill();
  await helm.done;
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
