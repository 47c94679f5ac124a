import { describe, expect, it } from 'vitest';
import { classify, DEFAULT_RULES, type Snapshot, type WatchState } from '../../../src/rollout/classify.js';
import {
  configErrorPod,
  crashLoopPod,
  creatingPod,
  failedHookJob,
  imagePullPod,
  oomPod,
  readyPod,
  stalledDeployment,
  unschedulablePod,
} from './fixtures/pods.js';

const snap = (over: Partial<Snapshot>): Snapshot => ({
  pods: [],
  jobs: [],
  workloads: [],
  baseline: new Set(),
  now: 0,
  ...over,
});

/** Feeds the same picture at the given times, carrying the state along, like the watcher does. */
function over(times: number[], s: Omit<Snapshot, 'now'>) {
  let last = classify({}, { ...s, now: 0 });
  let state: WatchState = last.state;
  for (const now of times) {
    last = classify(state, { ...s, now });
    state = last.state;
  }
  return last;
}

describe('CrashLoopBackOff', () => {
  it('one restart is not enough yet (the app may just have lost a race at start)', () => {
    const r = classify({}, snap({ pods: [crashLoopPod(1)] }));
    expect(r.verdict).toBeUndefined();
    expect(r.problems).toEqual([expect.objectContaining({ reason: 'CrashLoopBackOff', restarts: 1 })]);
  });
  it('two restarts is a verdict, at once', () => {
    const r = classify({}, snap({ pods: [crashLoopPod(2)] }));
    expect(r.verdict).toMatchObject({
      reason: 'CrashLoopBackOff',
      object: { kind: 'Pod', name: 'flask-app-7c9d-x2x4p' },
      container: 'flask-app',
      restarts: 2,
    });
    expect(r.verdict?.summary).toContain('CrashLoopBackOff');
  });
  it('ignores pods that existed before this run', () => {
    expect(classify({}, snap({ pods: [crashLoopPod(9)], baseline: new Set(['uid-crash']) })).verdict).toBeUndefined();
  });
});

describe('image pulls', () => {
  for (const reason of ['ErrImagePull', 'ImagePullBackOff'] as const) {
    it(`${reason} only counts once it has lasted past the grace`, () => {
      const s = { pods: [imagePullPod(reason)], jobs: [], workloads: [], baseline: new Set<string>() };
      expect(over([5_000, 19_000], s).verdict).toBeUndefined();
      expect(over([5_000, 19_000, DEFAULT_RULES.pullGraceMs], s).verdict).toMatchObject({ reason });
    });
  }
  it('the grace starts again when the pull error went away in between', () => {
    let state = classify({}, snap({ pods: [imagePullPod('ErrImagePull')], now: 0 })).state;
    state = classify(state, snap({ pods: [creatingPod()], now: 10_000 })).state;
    const r = classify(state, snap({ pods: [imagePullPod('ErrImagePull')], now: 25_000 }));
    expect(r.verdict).toBeUndefined();
  });
});

describe('immediate verdicts', () => {
  it('CreateContainerConfigError names the missing thing', () => {
    const r = classify({}, snap({ pods: [configErrorPod()] }));
    expect(r.verdict).toMatchObject({
      reason: 'CreateContainerConfigError',
      detail: 'secret "db-credentials" not found',
    });
  });
  it('OOMKilled in the last state, although the container runs again', () => {
    expect(classify({}, snap({ pods: [oomPod()] })).verdict).toMatchObject({ reason: 'OOMKilled', restarts: 1 });
  });
  it('a failed helm hook Job', () => {
    expect(classify({}, snap({ jobs: [failedHookJob()] })).verdict).toMatchObject({
      reason: 'HookJobFailed',
      object: { kind: 'Job', name: 'flask-app-db-migrate' },
    });
  });
  it('a failed Job that is not a hook is none of our business', () => {
    const job = failedHookJob();
    delete job.metadata?.annotations?.['helm.sh/hook'];
    expect(classify({}, snap({ jobs: [job] })).verdict).toBeUndefined();
  });
  it('a Deployment past its progress deadline', () => {
    expect(classify({}, snap({ workloads: [stalledDeployment()] })).verdict).toMatchObject({
      reason: 'ProgressDeadlineExceeded',
    });
  });
});

describe('Unschedulable', () => {
  it('waits for the grace (an autoscaler may add a node), then trips', () => {
    const s = { pods: [unschedulablePod()], jobs: [], workloads: [], baseline: new Set<string>() };
    expect(over([30_000], s).verdict).toBeUndefined();
    expect(over([30_000, 45_000], s).verdict).toMatchObject({
      reason: 'Unschedulable',
      detail: expect.stringContaining('Insufficient cpu'),
    });
  });
});

describe('healthy and starting pods', () => {
  it('no verdict and no problems', () => {
    const r = classify({}, snap({ pods: [readyPod(), creatingPod()] }));
    expect(r).toEqual({ state: {}, problems: [] });
  });
  it('picks the most telling verdict when several pods fail', () => {
    const r = classify({}, snap({ pods: [crashLoopPod(5), configErrorPod()] }));
    expect(r.verdict?.reason).toBe('CreateContainerConfigError');
  });
});
