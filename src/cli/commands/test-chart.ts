// `test-chart`: helm lint + render of the user's values file with the bundled chart.
import { resolve } from 'node:path';
import { isEnvironment } from '../../domain/answers.js';
import { type ExitCode, UserError } from '../../domain/errors.js';
import { firstAnswer } from '../../domain/keys.js';
import { DEFAULT_RELEASE, defaultNamespace } from '../../domain/presets.js';
import { testChart } from '../../pipelines/test-chart.js';
import type { CliContext } from '../context.js';
import { chartPaths, gatherInput, layersOf } from '../inputs.js';
import { requireHelm } from './shared.js';

export async function testChartCommand(ctx: CliContext): Promise<ExitCode> {
  const o = ctx.options;
  const { chartDir } = chartPaths(o, ctx.cwd, ctx.packageRoot);
  const input = await gatherInput(o, ctx.cwd, { fallbackEnv: o.yes ? 'dev' : undefined, chartDir });
  if (!input.valuesFile || !input.existing) {
    const where = input.valuesFile ? input.valuesFile.shown : 'the values file';
    throw new UserError(
      {
        message: `no values file to test (${where} does not exist)`,
        hint: 'write one first with `flask-helm-wizard render …`, or point --values-file at it (with -e ENV)',
      },
      2,
    );
  }
  const layers = layersOf(input);
  const environment = firstAnswer(layers, 'environment');
  if (!isEnvironment(environment)) {
    throw new UserError(
      { message: 'test-chart needs the environment', hint: 'pass -e dev|staging|prod (the values file did not say)' },
      2,
    );
  }
  const namespace = firstAnswer(layers, 'namespace') ?? defaultNamespace(environment);
  const release = firstAnswer(layers, 'release') ?? DEFAULT_RELEASE;
  const helm = await requireHelm(ctx);
  const outcomes = await testChart({
    environment,
    release,
    namespace,
    chartDir,
    valuesFile: input.valuesFile.path,
    extraValues: o.values.map((f) => resolve(ctx.cwd, f)),
    sets: o.set,
    helm,
    runner: ctx.runner,
    signal: ctx.signal,
  });
  for (const c of outcomes) {
    ctx.out.event({ type: 'check', name: c.name, ok: c.ok, output: c.output });
    if (!ctx.out.json)
      ctx.out.info(`${c.ok ? '✔' : '✖'} helm ${c.name} (${helm.version})${c.output ? `: ${c.output}` : ''}`);
  }
  const failed = outcomes.filter((c) => !c.ok);
  if (failed.length) {
    throw new UserError(
      failed.map((c) => ({
        message: `helm ${c.name} failed with ${input.valuesFile?.shown}`,
        hint: 'the helm output above names the value to fix',
      })),
      1,
    );
  }
  return 0;
}
