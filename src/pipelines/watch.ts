// Watches a release's pods, Jobs and workloads while helm waits, turning what the
// cluster shows into progress events and, when the rollout is doomed, a verdict.

import { sleep } from '../kube/channel.js';
import type { ClusterReader } from '../kube/cluster-reader.js';
import type { Job, KubeEvent, Pod, Workload } from '../kube/k8s-types.js';
import { kubectl } from '../kube/kubectl-args.js';
import type { Runner } from '../kube/runner.js';
import { classify, DEFAULT_RULES, type FailFastRules, type Verdict, type WatchState } from '../rollout/classify.js';
import type { ClusterEvent, RunEvent, WorkloadProgress } from '../rollout/events.js';
import { type ReleasePlan, releaseSelector } from './plan.js';

export interface ClusterPicture {
  pods: Pod[];
  jobs: Job[];
  workloads: Workload[];
}

/** The release's pods, Jobs and workloads as they are now (empty when they cannot be read). */
export async function lookAtRelease(
  reader: ClusterReader,
  plan: Pick<ReleasePlan, 'namespace' | 'release'>,
  signal?: AbortSignal,
): Promise<ClusterPicture> {
  const items = (await reader.releaseObjects(plan.namespace, releaseSelector(plan.release), signal)) ?? [];
  return {
    pods: items.filter((i) => i.kind === 'Pod') as Pod[],
    jobs: items.filter((i) => i.kind === 'Job') as Job[],
    workloads: items.filter((i) => i.kind === 'Deployment' || i.kind === 'StatefulSet') as Workload[],
  };
}

export function baselineOf(p: ClusterPicture): Set<string> {
  return new Set([...p.pods, ...p.jobs].map((o) => o.metadata?.uid ?? '').filter(Boolean));
}

export function progressOf(workloads: readonly Workload[]): WorkloadProgress[] {
  return workloads.map((w) => ({
    kind: w.kind ?? 'Workload',
    name: w.metadata?.name ?? '?',
    ready: w.status?.readyReplicas ?? 0,
    desired: w.spec?.replicas ?? 1,
  }));
}

/** The newest events about objects of this release, warnings first. */
export function relevantEvents(events: readonly KubeEvent[], names: ReadonlySet<string>, max = 3): ClusterEvent[] {
  const time = (e: KubeEvent) => Date.parse(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '') || 0;
  return events
    .filter((e) => names.has(e.involvedObject?.name ?? ''))
    .sort((a, b) => time(b) - time(a))
    .slice(0, max)
    .map((e) => ({
      object: `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`,
      reason: e.reason ?? '',
      message: (e.message ?? '').trim(),
      type: e.type === 'Warning' ? 'Warning' : 'Normal',
    }));
}

export interface WatchOptions {
  reader: ClusterReader;
  plan: ReleasePlan;
  baseline: ReadonlySet<string>;
  signal: AbortSignal;
  emit: (e: RunEvent) => void;
  /** Told when objects this run created show up: hook Jobs, then new pods. */
  onSeen?: (what: 'hook' | 'pod') => void;
  now?: () => number;
}

/** Polls until a verdict (returned) or until the signal stops it (undefined). */
export async function watchRollout(o: WatchOptions): Promise<Verdict | undefined> {
  const rules: FailFastRules = { ...DEFAULT_RULES, ...o.plan.failFast };
  const now = o.now ?? Date.now;
  const pollMs = o.plan.pollMs ?? 1000;
  let state: WatchState = {};
  let lastPods = '';
  let round = 0;
  while (!o.signal.aborted) {
    const picture = await lookAtRelease(o.reader, o.plan, o.signal);
    if (o.signal.aborted) return undefined;
    const fresh = (x: { metadata?: { uid?: string } }) => !o.baseline.has(x.metadata?.uid ?? '');
    if (picture.jobs.some((j) => fresh(j) && j.metadata?.annotations?.['helm.sh/hook'])) o.onSeen?.('hook');
    if (picture.pods.some((p) => fresh(p) && !p.metadata?.annotations?.['helm.sh/hook'] && !isJobPod(p))) {
      o.onSeen?.('pod');
    }
    const result = classify(state, { ...picture, baseline: o.baseline, now: now() }, rules);
    state = result.state;
    const pods: RunEvent = { type: 'pods', workloads: progressOf(picture.workloads), problems: result.problems };
    const key = JSON.stringify(pods);
    if (key !== lastPods) {
      lastPods = key;
      o.emit(pods);
    }
    if (result.verdict) return result.verdict;
    // Events cost another read: often while something is wrong, rarely otherwise.
    if (round++ % (result.problems.length > 0 ? 2 : 5) === 0) await emitEvents(o, picture);
    await sleep(pollMs, o.signal);
  }
  return undefined;
}

function isJobPod(p: Pod): boolean {
  return (p.metadata?.ownerReferences ?? []).some((r) => r.kind === 'Job');
}

async function emitEvents(o: WatchOptions, picture: ClusterPicture): Promise<void> {
  const list = await o.reader.events(o.plan.namespace, o.signal);
  if (!list) return;
  const names = new Set(
    [...picture.pods, ...picture.jobs, ...picture.workloads].map((x) => x.metadata?.name ?? '').filter(Boolean),
  );
  const events = relevantEvents(list as KubeEvent[], names);
  if (events.length > 0) o.emit({ type: 'cluster-events', events });
}

/** The failing container's last log lines (previous instance when it crashed). */
export async function evidenceLogs(runner: Runner, plan: ReleasePlan, verdict: Verdict, tail = 15): Promise<string[]> {
  if (verdict.object.kind !== 'Pod' && verdict.object.kind !== 'Job') return [];
  const target = verdict.object.kind === 'Job' ? `job/${verdict.object.name}` : verdict.object.name;
  const tries = verdict.reason === 'CrashLoopBackOff' || verdict.reason === 'OOMKilled' ? [true, false] : [false];
  for (const previous of tries) {
    const c = kubectl.logs(plan.kubectl, plan.namespace, target, { container: verdict.container, tail, previous });
    const r = await runner.run(c.cmd, c.args);
    if (r.exitCode === 0 && r.stdout.trim()) return r.stdout.split('\n').slice(-tail);
  }
  return [];
}
