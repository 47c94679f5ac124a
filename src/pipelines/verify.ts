// After a successful install: is the release working? `helm test` and the /health
// probe through a port-forward answer the same question from two sides, so they run
// at the same time (a headless install waits for the slower, not for both in turn).
// A forward kept open for the developer starts once the tests passed.
import { EXIT, type RunEvent } from '../rollout/events.js';
import type { ReleasePlan } from './plan.js';
import { type ForwardRequest, portForwardTask } from './port-forward.js';
import { type Emit, type TaskDeps, testStep } from './steps.js';
import { streamOf } from './stream.js';

export interface Verification {
  test: boolean;
  forward?: ForwardRequest | undefined;
}

type Result = Extract<RunEvent, { type: 'result' }>;

export function verifyRelease(plan: ReleasePlan, deps: TaskDeps, v: Verification): AsyncGenerator<RunEvent> {
  return streamOf(async (emit) => {
    // Each side's own ending is held back: the run ends with one result.
    const results: Result[] = [];
    const collect: Emit = (e) => (e.type === 'result' ? results.push(e) : emit(e));
    const testing = v.test ? testStep(plan, deps, collect) : Promise.resolve(true);
    const forward = v.forward;
    const forwarding = async () => {
      if (!forward) return;
      for await (const e of portForwardTask(plan, deps, forward)) collect(e);
    };
    if (forward?.keepOpen) {
      if (await testing) await forwarding();
    } else {
      await Promise.all([testing, forwarding()]);
    }
    // Failing tests outweigh a healthy /health: the release answers but does not pass its own checks.
    const failed = results.find((r) => r.exitCode !== EXIT.ok);
    emit(failed ?? results.at(-1) ?? { type: 'result', outcome: 'ok', exitCode: EXIT.ok, summary: 'verified' });
  });
}
