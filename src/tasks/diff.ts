// The upgrade preview: the deployed manifest against a server-side dry run of the
// upgrade (so `lookup` sees the live Secrets and generated passwords stay stable).
import { helmGetManifest, helmUpgradeDryRun } from '../kube/helm-args.js';
import { diffManifests, type ManifestDiff } from '../kube/manifest-diff.js';
import type { Runner } from '../kube/runner.js';
import { helmFailure } from './outcome.js';
import { kubeTarget, type ReleasePlan } from './plan.js';

export type UpgradeDiff = { ok: true; diff: ManifestDiff } | { ok: false; message: string };

export async function upgradeDiff(plan: ReleasePlan, runner: Runner, signal?: AbortSignal): Promise<UpgradeDiff> {
  const target = kubeTarget(plan);
  const current = helmGetManifest(plan.helm, target, { release: plan.release });
  const next = helmUpgradeDryRun(plan.helm, target, {
    release: plan.release,
    chartDir: plan.chartDir,
    values: plan.values,
  });
  // Both start at once (an upgrade waits for the slower only); when there is no release
  // to read, the dry run is stopped at once instead of rendering for nothing.
  const noRelease = new AbortController();
  const dry = runner.run(next.cmd, next.args, {
    signal: signal ? AbortSignal.any([signal, noRelease.signal]) : noRelease.signal,
  });
  const a = await runner.run(current.cmd, current.args, signal ? { signal } : {});
  if (a.exitCode !== 0) {
    noRelease.abort();
    await dry;
    return { ok: false, message: `cannot read the deployed manifest: ${helmFailure(a)}` };
  }
  const b = await dry;
  if (b.exitCode !== 0) return { ok: false, message: `the upgrade does not render on the server: ${helmFailure(b)}` };
  let manifest: string;
  try {
    const rel = JSON.parse(b.stdout) as { manifest?: string };
    manifest = rel.manifest ?? '';
  } catch {
    return { ok: false, message: 'helm printed no JSON for the dry run' };
  }
  return { ok: true, diff: diffManifests(a.stdout, manifest) };
}
