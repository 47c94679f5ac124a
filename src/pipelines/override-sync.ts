// After `rollback` the cluster runs an older revision's values while the override file
// still says what the newer one did: the next upgrade would bring the rolled-back
// change straight back. So the file is rewritten from the values now deployed — the
// wizard's own keys only; keys and comments added by hand stay as they are, and the
// previous file is kept as `.bak`.
import { resolveAnswers } from '../domain/resolve.js';
import { helmClient } from '../kube/helm/client.js';
import type { Runner } from '../kube/runner.js';
import { answersOnChart, loadOverride, type OverrideTarget, writeOverride } from '../values/override-file.js';
import { kubeTarget, type ReleasePlan } from './plan.js';

export type SyncResult =
  | { kind: 'rewritten'; backup: string }
  | { kind: 'no-file' }
  | { kind: 'unchanged'; reason: string };

export async function syncOverrideToRelease(
  ref: Pick<ReleasePlan, 'release' | 'namespace' | 'helm' | 'kubectl'>,
  runner: Runner,
  file: OverrideTarget,
): Promise<SyncResult> {
  let existing: Awaited<ReturnType<typeof loadOverride>>;
  try {
    existing = await loadOverride(file.path, file.chartDir);
  } catch (e) {
    return { kind: 'unchanged', reason: `it cannot be read (${(e as Error).message})` };
  }
  if (!existing) return { kind: 'no-file' };
  const read = await helmClient(runner, ref.helm, kubeTarget(ref)).getValues({ release: ref.release });
  const deployed = read.kind === 'ok' ? read.value : undefined;
  if (deployed === undefined) return { kind: 'unchanged', reason: 'the deployed values could not be read' };
  // helm returns what was supplied (values-<env>.yaml ⊕ override ⊕ --set): read it the
  // way a file on top of the chart's environment values is read.
  const flat = await answersOnChart(deployed, file.chartDir);
  const resolved = resolveAnswers(
    [{ source: 'values-file', values: { ...flat, namespace: ref.namespace, release: ref.release } }],
    { useDefaults: true, nameDefaults: true },
  );
  if (!resolved.ok) return { kind: 'unchanged', reason: 'the deployed values do not map to answers' };
  try {
    await writeOverride(resolved.answers, file, existing);
  } catch (e) {
    return { kind: 'unchanged', reason: (e as Error).message };
  }
  return { kind: 'rewritten', backup: `${file.shownPath}.bak` };
}
