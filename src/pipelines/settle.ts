// After helm stopped (finished, failed or interrupted): bring the release to a settled
// state — deployed with the last good values, or gone when this run was its first
// install — and never leave it pending-*.

import { sleep } from '../kube/channel.js';
import { helmRollback, helmUninstall } from '../kube/helm/args.js';
import type { Runner } from '../kube/runner.js';
import { type RunEvent, stepStart } from '../rollout/events.js';
import { type Before, type Settled, settleAction } from '../rollout/release-state.js';
import { kubeTarget, type ReleasePlan } from './plan.js';
import { readHistory } from './release-state.js';

export type { Settled };

export async function settle(
  plan: ReleasePlan,
  deps: { runner: Runner },
  before: Before,
  emit: (e: RunEvent) => void,
  keepNew = false,
): Promise<Settled> {
  const target = kubeTarget(plan);
  let acted = false;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const h = await readHistory(deps.runner, plan);
    if ('error' in h) {
      await sleep(1000);
      continue;
    }
    const action = settleAction(before, h, keepNew);
    switch (action.kind) {
      case 'done':
        if (acted) emit({ type: 'step-done', step: action.state === 'absent' ? 'uninstall' : 'rollback' });
        return action.state === 'absent'
          ? { kind: 'absent' }
          : { kind: 'deployed', revision: action.revision, changed: action.changed };
      case 'wait':
        await sleep(1000);
        continue;
      case 'stuck':
        return { kind: 'stuck', message: action.message };
      case 'rollback':
      case 'uninstall': {
        if (acted) {
          // One attempt of our own; a second failure needs a human.
          return { kind: 'stuck', message: `release ${plan.release} did not settle after our ${action.kind}` };
        }
        acted = true;
        const step = action.kind;
        emit(stepStart(step));
        const c =
          action.kind === 'rollback'
            ? helmRollback(plan.helm, target, { release: plan.release, revision: action.to, timeout: plan.timeout })
            : helmUninstall(plan.helm, target, { release: plan.release, timeout: plan.timeout });
        const r = await deps.runner.run(c.cmd, c.args, {
          onLine: (line) => line.trim() && emit({ type: 'log', step, line }),
        });
        if (r.exitCode !== 0) emit({ type: 'log', step, line: r.stderr.trim() });
      }
    }
  }
  return { kind: 'stuck', message: `release ${plan.release} did not settle within 3 minutes` };
}
