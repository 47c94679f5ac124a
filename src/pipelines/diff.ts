// The upgrade preview: the deployed manifest against a server-side dry run of the
// upgrade (so `lookup` sees the live Secrets and generated passwords stay stable).
import { helmUpgradeDryRun } from '../kube/helm/args.js';
import { helmClient } from '../kube/helm/client.js';
import type { Runner } from '../kube/runner.js';
import { diffManifests, type ManifestDiff } from '../rollout/manifest-diff.js';
import { helmFailure } from '../rollout/outcome.js';
import { kubeTarget, type ReleasePlan } from './plan.js';

export type UpgradeDiff = { ok: true; diff: ManifestDiff } | { ok: false; message: string };

export async function upgradeDiff(plan: ReleasePlan, runner: Runner, signal?: AbortSignal): Promise<UpgradeDiff> {
  const target = kubeTarget(plan);
  const next = helmUpgradeDryRun(plan.helm, target, {
    release: plan.release,
    chartDir: plan.chartDir,
    values: plan.values,
  });
  // Called only once preflight found the release: both reads run at once.
  const o = signal ? { signal } : {};
  const [a, b] = await Promise.all([
    helmClient(runner, plan.helm, target).getManifest({ release: plan.release, signal }),
    runner.run(next.cmd, next.args, o),
  ]);
  if (a.kind !== 'ok') return { ok: false, message: `cannot read the deployed manifest: ${helmFailure(a.result)}` };
  if (b.exitCode !== 0) return { ok: false, message: `the upgrade does not render on the server: ${helmFailure(b)}` };
  let manifest: string;
  try {
    const rel = JSON.parse(b.stdout) as { manifest?: string };
    manifest = rel.manifest ?? '';
  } catch {
    return { ok: false, message: 'helm printed no JSON for the dry run' };
  }
  return { ok: true, diff: diffManifests(a.value, manifest) };
}
