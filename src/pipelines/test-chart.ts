// `test-chart`: the user's own values with the bundled chart, checked by the real
// helm — `helm lint --strict` and a full `helm template` — without a cluster.
import type { Environment } from '../domain/answers.js';
import { helmLint, helmTemplate } from '../kube/helm/args.js';
import type { HelmBin } from '../kube/helm/version.js';
import type { Runner } from '../kube/runner.js';
import { valuesLayers } from './render.js';

export interface TestChartRequest {
  environment: Environment;
  release: string;
  namespace: string;
  chartDir: string;
  valuesFile: string;
  extraValues: readonly string[];
  sets: readonly string[];
  helm: HelmBin;
  runner: Runner;
  signal?: AbortSignal;
}

export type CheckOutcome = { name: 'lint' | 'template'; ok: boolean; output: string };

export async function testChart(req: TestChartRequest): Promise<CheckOutcome[]> {
  const values = valuesLayers(req.chartDir, req.environment, req.valuesFile, req);
  const checks = [
    { name: 'lint' as const, cmd: helmLint(req.helm, { chartDir: req.chartDir, values, strict: true }) },
    {
      name: 'template' as const,
      cmd: helmTemplate(req.helm, { release: req.release, namespace: req.namespace, chartDir: req.chartDir, values }),
    },
  ];
  const outcomes: CheckOutcome[] = [];
  for (const c of checks) {
    const r = await req.runner.run(c.cmd.cmd, c.cmd.args, req.signal ? { signal: req.signal } : {});
    const output = r.missing
      ? r.missing.message
      : c.name === 'template' && r.exitCode === 0
        ? summarize(r.stdout)
        : `${r.stdout}\n${r.stderr}`.trim();
    outcomes.push({ name: c.name, ok: r.exitCode === 0, output });
    if (r.missing) break;
  }
  return outcomes;
}

/** A template run is summarised by the objects it produced, not its full text. */
function summarize(manifests: string): string {
  const kinds = new Map<string, number>();
  for (const m of manifests.matchAll(/^kind:\s*(\S+)\s*$/gm)) {
    const k = m[1] as string;
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  return [...kinds.entries()].map(([k, n]) => `${n} ${k}`).join(', ');
}
