// Decides, from what the cluster shows right now, whether a rollout is doomed, long
// before helm's own wait would give up. Pure: snapshots and the clock come in, a
// verdict (or not yet) comes out, plus the state that remembers since when a
// condition has lasted (for the rules with a grace period).
import type { ContainerStatus, Job, Pod, Workload } from '../kube/k8s-types.js';

export type FailureReason =
  | 'ErrImagePull'
  | 'ImagePullBackOff'
  | 'InvalidImageName'
  | 'CreateContainerConfigError'
  | 'CreateContainerError'
  | 'CrashLoopBackOff'
  | 'OOMKilled'
  | 'Unschedulable'
  | 'HookJobFailed'
  | 'ProgressDeadlineExceeded';

export interface PodProblem {
  pod: string;
  container?: string;
  reason: string;
  message?: string;
  restarts?: number;
}

export interface Verdict {
  reason: FailureReason;
  /** The object to blame: a pod, or a Job / workload for the rules about those. */
  object: { kind: 'Pod' | 'Job' | 'Deployment' | 'StatefulSet'; name: string };
  container?: string;
  restarts?: number;
  /** One sentence for the user. */
  summary: string;
  /** What Kubernetes itself said, verbatim. */
  detail?: string;
}

export interface FailFastRules {
  /** Registry blips happen: image pull errors must last this long. */
  pullGraceMs: number;
  /** The cluster autoscaler may still add a node. */
  unschedulableGraceMs: number;
  /** CrashLoopBackOff counts once the container restarted this often. */
  crashRestarts: number;
}

export const DEFAULT_RULES: FailFastRules = { pullGraceMs: 20_000, unschedulableGraceMs: 45_000, crashRestarts: 2 };

export interface Snapshot {
  pods: readonly Pod[];
  jobs: readonly Job[];
  workloads: readonly Workload[];
  /** Pods and Jobs that existed before this run: their troubles are not this run's doing. */
  baseline: ReadonlySet<string>;
  now: number;
}

/** Since when (ms) each still-present condition has been seen, keyed by pod/container/reason. */
export type WatchState = Readonly<Record<string, number>>;

export interface Classification {
  state: WatchState;
  problems: PodProblem[];
  verdict?: Verdict;
}

const PULL = new Set(['ErrImagePull', 'ImagePullBackOff']);
const IMMEDIATE = new Set(['CreateContainerConfigError', 'CreateContainerError', 'InvalidImageName']);

export function classify(previous: WatchState, snap: Snapshot, rules: FailFastRules = DEFAULT_RULES): Classification {
  const state: Record<string, number> = {};
  const problems: PodProblem[] = [];
  const verdicts: Verdict[] = [];
  const since = (key: string) => {
    state[key] = previous[key] ?? snap.now;
    return snap.now - (state[key] ?? snap.now);
  };

  for (const pod of snap.pods) {
    const uid = pod.metadata?.uid ?? pod.metadata?.name ?? '';
    if (snap.baseline.has(uid) || pod.metadata?.deletionTimestamp) continue;
    const name = pod.metadata?.name ?? '?';
    const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    for (const cs of statuses) {
      const found = containerProblem(cs);
      if (!found) continue;
      const problem: PodProblem = { pod: name, container: cs.name ?? '?', ...found };
      problems.push(problem);
      const verdict = judgeContainer(problem, since(`${uid}/${cs.name}/${found.reason}`), rules);
      if (verdict) verdicts.push(verdict);
    }
    const unschedulable = pod.status?.conditions?.find(
      (c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable',
    );
    if (unschedulable) {
      const problem: PodProblem = { pod: name, reason: 'Unschedulable', ...msg(unschedulable.message) };
      problems.push(problem);
      if (since(`${uid}//Unschedulable`) >= rules.unschedulableGraceMs) {
        verdicts.push({
          reason: 'Unschedulable',
          object: { kind: 'Pod', name },
          summary: `pod ${name} cannot be scheduled on any node`,
          ...detail(unschedulable.message),
        });
      }
    }
  }

  for (const job of snap.jobs) {
    const uid = job.metadata?.uid ?? job.metadata?.name ?? '';
    if (snap.baseline.has(uid) || !job.metadata?.annotations?.['helm.sh/hook']) continue;
    const failed = job.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
    if (failed) {
      const name = job.metadata.name ?? '?';
      verdicts.push({
        reason: 'HookJobFailed',
        object: { kind: 'Job', name },
        summary: `the ${job.metadata.annotations['helm.sh/hook']} hook Job ${name} failed`,
        ...detail(failed.message ?? failed.reason),
      });
    }
  }

  for (const w of snap.workloads) {
    const stalled = w.status?.conditions?.find(
      (c) => c.type === 'Progressing' && c.status === 'False' && c.reason === 'ProgressDeadlineExceeded',
    );
    if (stalled && w.kind === 'Deployment') {
      const name = w.metadata?.name ?? '?';
      verdicts.push({
        reason: 'ProgressDeadlineExceeded',
        object: { kind: 'Deployment', name },
        summary: `Deployment ${name} made no progress within its progressDeadlineSeconds`,
        ...detail(stalled.message),
      });
    }
  }

  const verdict = verdicts.sort((a, b) => rank(a.reason) - rank(b.reason))[0];
  return { state, problems, ...(verdict ? { verdict } : {}) };
}

function containerProblem(cs: ContainerStatus): Omit<PodProblem, 'pod' | 'container'> | undefined {
  const restarts = cs.restartCount ?? 0;
  const waiting = cs.state?.waiting;
  const oom = [cs.state?.terminated, cs.lastState?.terminated].find((t) => t?.reason === 'OOMKilled');
  if (oom) return { reason: 'OOMKilled', restarts, ...msg(oom.message) };
  if (waiting?.reason && waiting.reason !== 'ContainerCreating' && waiting.reason !== 'PodInitializing') {
    return { reason: waiting.reason, restarts, ...msg(waiting.message) };
  }
  return undefined;
}

function judgeContainer(p: PodProblem, lastedMs: number, rules: FailFastRules): Verdict | undefined {
  const where = `container ${p.container} of pod ${p.pod}`;
  const base = { object: { kind: 'Pod' as const, name: p.pod }, ...(p.container ? { container: p.container } : {}) };
  const restarts = p.restarts ?? 0;
  if (p.reason === 'OOMKilled') {
    return {
      ...base,
      reason: 'OOMKilled',
      restarts,
      summary: `${where} was killed for running out of memory (OOMKilled)`,
      ...detail(p.message),
    };
  }
  if (p.reason === 'CrashLoopBackOff' && restarts >= rules.crashRestarts) {
    return {
      ...base,
      reason: 'CrashLoopBackOff',
      restarts,
      summary: `${where} keeps crashing (CrashLoopBackOff after ${restarts} restarts)`,
      ...detail(p.message),
    };
  }
  if (PULL.has(p.reason) && lastedMs >= rules.pullGraceMs) {
    return {
      ...base,
      reason: p.reason as FailureReason,
      summary: `${where} cannot pull its image (${p.reason} for ${Math.round(lastedMs / 1000)}s)`,
      ...detail(p.message),
    };
  }
  if (IMMEDIATE.has(p.reason)) {
    const what =
      p.reason === 'CreateContainerConfigError'
        ? 'cannot start: its configuration refers to something missing, usually a Secret or ConfigMap'
        : p.reason === 'InvalidImageName'
          ? 'has an invalid image name'
          : 'cannot be created';
    return {
      ...base,
      reason: p.reason as FailureReason,
      summary: `${where} ${what} (${p.reason})`,
      ...detail(p.message),
    };
  }
  return undefined;
}

/** When several things fail at once, blame the most telling one. */
function rank(reason: FailureReason): number {
  const order: FailureReason[] = [
    'CreateContainerConfigError',
    'InvalidImageName',
    'ErrImagePull',
    'ImagePullBackOff',
    'OOMKilled',
    'CrashLoopBackOff',
    'CreateContainerError',
    'HookJobFailed',
    'Unschedulable',
    'ProgressDeadlineExceeded',
  ];
  return order.indexOf(reason);
}

function msg(message: string | undefined): { message?: string } {
  return message ? { message } : {};
}

function detail(message: string | undefined): { detail?: string } {
  return message ? { detail: message } : {};
}
