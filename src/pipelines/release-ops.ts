// rollback, status and uninstall of an existing release, as event streams like
// install/upgrade. Confirmation is the caller's job; these only do the work.

import { helmRollback, helmUninstall } from '../kube/helm/args.js';
import { helmClient } from '../kube/helm/client.js';
import { parseList } from '../kube/k8s-types.js';
import { kubectl } from '../kube/kubectl-args.js';
import { classify } from '../rollout/classify.js';
import { EXIT, type RunEvent, stepStart } from '../rollout/events.js';
import { helmFailure } from '../rollout/outcome.js';
import { isPending, lastGood, latest } from '../rollout/release-state.js';
import { kubeTarget, type ReleasePlan, releaseSelector, wizardSecretSelector } from './plan.js';
import { readHistory } from './release-state.js';
import { type Emit, readerOf, type TaskDeps } from './steps.js';
import { streamOf } from './stream.js';
import { lookAtRelease, progressOf } from './watch.js';

export type ReleaseRef = Pick<ReleasePlan, 'release' | 'namespace' | 'helm' | 'kubectl' | 'timeout'>;

function notFound(emit: Emit, ref: ReleaseRef, step: 'rollback' | 'status' | 'uninstall'): void {
  const cause = {
    message: `release ${ref.release} not found in ${ref.namespace}`,
    hint: `check -n/-r (helm list -n ${ref.namespace}), or install it: flask-helm-wizard install -n ${ref.namespace}`,
  };
  emit({ type: 'step-failed', step, cause });
  emit({ type: 'result', outcome: 'failed', exitCode: EXIT.failure, summary: cause.message, cause });
}

/** Which revision `rollback` goes to: the one asked for, else the good one before the deployed one. */
export function rollbackTarget(
  revisions: readonly { revision: number; status: string }[],
  asked?: number,
): { to: number } | { error: string } {
  if (asked !== undefined) {
    return revisions.some((r) => r.revision === asked) ? { to: asked } : { error: `revision ${asked} does not exist` };
  }
  const top = revisions[revisions.length - 1];
  if (top && (isPending(top.status) || top.status === 'failed')) {
    const good = [...revisions].reverse().find((r) => r.status === 'deployed' || r.status === 'superseded');
    return good ? { to: good.revision } : { error: 'no earlier successful revision to return to' };
  }
  const earlier = revisions
    .filter((r) => top && r.revision < top.revision && (r.status === 'superseded' || r.status === 'deployed'))
    .pop();
  return earlier ? { to: earlier.revision } : { error: 'there is no earlier revision to roll back to' };
}

export function rollbackTask(ref: ReleaseRef, deps: TaskDeps, revision?: number): AsyncGenerator<RunEvent> {
  return streamOf(async (emit) => {
    emit(stepStart('rollback'));
    const h = await readHistory(deps.runner, ref);
    if ('error' in h || !h.exists)
      return 'error' in h ? failWith(emit, 'rollback', h.error) : notFound(emit, ref, 'rollback');
    const target = rollbackTarget(h.revisions, revision);
    if ('error' in target) return failWith(emit, 'rollback', target.error);
    const c = helmRollback(ref.helm, kubeTarget(ref), {
      release: ref.release,
      revision: target.to,
      timeout: ref.timeout,
    });
    const r = await deps.runner.run(c.cmd, c.args, {
      onLine: (line) => {
        if (line.trim()) emit({ type: 'log', step: 'rollback', line });
      },
    });
    if (r.exitCode !== 0) return failWith(emit, 'rollback', helmFailure(r));
    const after = await readHistory(deps.runner, ref);
    const top = 'exists' in after ? latest(after) : undefined;
    emit({ type: 'step-done', step: 'rollback', detail: `to revision ${target.to}` });
    if (top)
      emit({
        type: 'release',
        release: ref.release,
        namespace: ref.namespace,
        revision: top.revision,
        status: top.status,
      });
    emit({
      type: 'result',
      outcome: 'deployed',
      exitCode: EXIT.ok,
      summary: `${ref.release} rolled back to revision ${target.to}${top ? ` (now revision ${top.revision}, ${top.status})` : ''}`,
    });
  });
}

export function statusTask(ref: ReleaseRef, deps: TaskDeps): AsyncGenerator<RunEvent> {
  return streamOf(async (emit) => {
    emit(stepStart('status'));
    const [s, h, picture, ing] = await Promise.all([
      helmClient(deps.runner, ref.helm, kubeTarget(ref)).status({ release: ref.release }),
      readHistory(deps.runner, ref),
      lookAtRelease(readerOf(deps, ref.kubectl), ref),
      deps.runner.run(...ingressCmd(ref)),
    ]);
    if (s.kind === 'not-found') return notFound(emit, ref, 'status');
    if (s.kind === 'failed') return failWith(emit, 'status', helmFailure(s.result));
    const info = s.value;
    emit({
      type: 'release',
      release: ref.release,
      namespace: ref.namespace,
      revision: info.revision,
      status: info.status,
    });
    const problems = classify({}, { ...picture, baseline: new Set(), now: Date.now() }).problems;
    emit({ type: 'pods', workloads: progressOf(picture.workloads), problems });
    const url = ingressUrl(ing.stdout);
    const good = 'exists' in h ? lastGood(h) : undefined;
    emit({ type: 'step-done', step: 'status' });
    const where = url
      ? `URL ${url}`
      : `reach it with: flask-helm-wizard port-forward -n ${ref.namespace} -r ${ref.release}`;
    emit({
      type: 'result',
      outcome: info.status === 'deployed' ? 'ok' : 'failed',
      exitCode: info.status === 'deployed' ? EXIT.ok : EXIT.failure,
      summary: `${ref.release} in ${ref.namespace}: revision ${info.revision}, ${info.status}${info.chart ? `, chart ${info.chart}` : ''}${good && good.revision !== info.revision ? ` (last good: ${good.revision})` : ''}; ${where}`,
    });
  });
}

export function uninstallTask(ref: ReleaseRef, deps: TaskDeps, deleteData: boolean): AsyncGenerator<RunEvent> {
  return streamOf(async (emit) => {
    emit(stepStart('uninstall'));
    const h = await readHistory(deps.runner, ref);
    if ('error' in h) return failWith(emit, 'uninstall', h.error);
    if (!h.exists) return notFound(emit, ref, 'uninstall');
    const c = helmUninstall(ref.helm, kubeTarget(ref), { release: ref.release, timeout: ref.timeout });
    const r = await deps.runner.run(c.cmd, c.args, {
      onLine: (line) => {
        if (line.trim()) emit({ type: 'log', step: 'uninstall', line });
      },
    });
    if (r.exitCode !== 0) return failWith(emit, 'uninstall', helmFailure(r));
    // helm leaves what it did not create: the wizard's Secrets, and (by design) the StatefulSets' volumes.
    const secrets = kubectl.deleteBySelector(ref.kubectl, ref.namespace, 'secrets', wizardSecretSelector(ref.release));
    await deps.runner.run(secrets.cmd, secrets.args);
    let note = 'PersistentVolumeClaims of the databases are kept (pass --delete-data to remove them)';
    if (deleteData) {
      const pvc = kubectl.deleteBySelector(
        ref.kubectl,
        ref.namespace,
        'persistentvolumeclaims',
        releaseSelector(ref.release),
      );
      const d = await deps.runner.run(pvc.cmd, pvc.args);
      note =
        d.exitCode === 0
          ? 'its PersistentVolumeClaims were deleted too'
          : `deleting its volumes failed: ${d.stderr.trim()}`;
    }
    emit({ type: 'step-done', step: 'uninstall' });
    emit({
      type: 'result',
      outcome: 'uninstalled',
      exitCode: EXIT.ok,
      summary: `${ref.release} was uninstalled from ${ref.namespace}; ${note}`,
    });
  });
}

function failWith(emit: Emit, step: 'rollback' | 'status' | 'uninstall', message: string): void {
  const cause = { message, hint: 'see the output above; --verbose prints each helm/kubectl command' };
  emit({ type: 'step-failed', step, cause });
  emit({ type: 'result', outcome: 'failed', exitCode: EXIT.failure, summary: message, cause });
}

function ingressCmd(ref: ReleaseRef): [string, string[]] {
  const c = kubectl.objects(ref.kubectl, ref.namespace, ['ingresses'], releaseSelector(ref.release));
  return [c.cmd, c.args];
}

export function ingressUrl(json: string): string | undefined {
  const ing = parseList<{ spec?: { rules?: { host?: string }[]; tls?: { hosts?: string[] }[] } }>(json)[0];
  const host = ing?.spec?.rules?.[0]?.host;
  if (!host) return undefined;
  const tls = ing?.spec?.tls?.some((t) => t.hosts?.includes(host)) ?? false;
  return `${tls ? 'https' : 'http'}://${host}`;
}
