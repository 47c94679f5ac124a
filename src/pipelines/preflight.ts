// The preflight step: gather facts, decide, report each check. Nothing is written to
// the cluster here.
import type { LocalCluster } from '../kube/image-load.js';
import { EXIT, type RunEvent, stepStart } from '../rollout/events.js';
import { blocking, evaluatePreflight, type PreflightNeeds } from '../rollout/preflight-checks.js';
import type { History } from '../rollout/release-state.js';
import type { ReleasePlan } from './plan.js';
import { gatherClusterFacts } from './preflight-facts.js';
import { readerOf, type TaskDeps } from './steps.js';
import { type ClusterPicture, lookAtRelease } from './watch.js';

/** Emits the checks; `ok` when nothing blocks the install, and whether the release exists already. */
export async function preflightStep(
  plan: ReleasePlan,
  needs: PreflightNeeds,
  deps: TaskDeps,
  emit: (e: RunEvent) => void,
): Promise<{
  ok: boolean;
  releaseExists: boolean;
  history?: History;
  picture?: ClusterPicture;
  localCluster?: LocalCluster | null;
}> {
  emit(stepStart('preflight'));
  emit({
    type: 'check',
    id: 'tools',
    level: 'ok',
    message: `helm ${plan.helm.version} (Helm ${plan.helm.major}) at ${plan.helm.path}; kubectl at ${plan.kubectl.path}`,
  });
  const reader = readerOf(deps, plan.kubectl);
  // The release's objects as they are before the run (the watcher's baseline) come with
  // the facts: one round of reads, then helm.
  const [facts, picture] = await Promise.all([
    gatherClusterFacts(reader, deps.runner, plan.kubectl, plan.helm, needs),
    lookAtRelease(reader, plan),
  ]);
  const checks = evaluatePreflight(needs, facts);
  for (const c of checks) emit({ type: 'check', ...c });
  const errors = checks.filter((c) => c.level === 'error');
  if (blocking(checks)) {
    const first = errors[0];
    const cause = {
      message: errors.length === 1 && first ? first.message : `${errors.length} preflight checks failed`,
      hint: first?.hint ?? 'fix the checks marked ✖ above',
    };
    emit({ type: 'step-failed', step: 'preflight', cause });
    emit({
      type: 'result',
      outcome: 'failed',
      exitCode: EXIT.failure,
      summary: `nothing was installed: ${cause.message}`,
      cause,
    });
    return { ok: false, releaseExists: facts.releaseStatus !== undefined };
  }
  const warnings = checks.filter((c) => c.level === 'warn').length;
  emit({ type: 'step-done', step: 'preflight', detail: warnings ? `${warnings} warning(s)` : 'all checks passed' });
  const history: History | undefined =
    facts.releaseHistory === null
      ? { exists: false }
      : facts.releaseHistory === undefined
        ? undefined
        : { exists: true, revisions: [...facts.releaseHistory] };
  return {
    ok: true,
    releaseExists: facts.releaseStatus !== undefined,
    localCluster: facts.localCluster ?? null,
    picture,
    ...(history ? { history } : {}),
  };
}
