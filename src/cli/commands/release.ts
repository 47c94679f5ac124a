// rollback / status / port-forward / uninstall: one existing release, found by
// namespace and release name (from flags, --answers, or the environment default).
import { type Environment, isEnvironment } from '../../domain/answers.js';
import { type ExitCode, UserError, type UserProblem } from '../../domain/errors.js';
import { type AnswerLayer, firstAnswer } from '../../domain/keys.js';
import { DEFAULT_RELEASE, defaultNamespace } from '../../domain/presets.js';
import { checkNamespace, checkRelease } from '../../domain/validators.js';
import type { CliContext, ReleaseRequest } from '../context.js';
import { chartPaths, gatherInput, layersOf } from '../inputs.js';
import { checkTimeout, kubeOptions, optionalInt } from './shared.js';

export async function releaseCommand(ctx: CliContext): Promise<ExitCode> {
  const command = ctx.command as ReleaseRequest['command'];
  const o = ctx.options;
  checkTimeout(o.timeout);
  const { chartDir } = chartPaths(o, ctx.cwd, ctx.packageRoot);
  const input = await gatherInput(o, ctx.cwd, { fallbackEnv: o.yes ? 'dev' : undefined, chartDir });
  const { environment, namespace, release } = releaseTarget(layersOf(input), o.yes === true);

  const request: ReleaseRequest = {
    command,
    release,
    namespace,
    environment,
    valuesFile: input.valuesFile?.path,
    chartDir,
    timeout: o.timeout,
    yes: o.yes === true,
    dryRun: o.dryRun === true,
    revision: optionalInt(o.revision, '--revision', 1, 1_000_000),
    deleteData: o.deleteData === true,
    port: optionalInt(o.port, '--port', 1, 65535),
    ...kubeOptions(ctx),
  };
  // ── hand-over to the release pipeline (loaded now: --help never compiles it) ──
  const entries = await import('../release/entries.js');
  const entry = {
    rollback: entries.rollbackEntry,
    status: entries.statusEntry,
    'port-forward': entries.portForwardEntry,
    uninstall: entries.uninstallEntry,
  }[command];
  return entry(request, ctx);
}

/** Which release the command acts on; every problem with the answers at once (exit 2). */
function releaseTarget(
  layers: readonly AnswerLayer[],
  yes: boolean,
): { environment: Environment | undefined; namespace: string; release: string } {
  const problems: UserProblem[] = [];
  const envRaw = firstAnswer(layers, 'environment');
  const environment = isEnvironment(envRaw) ? envRaw : undefined;
  if (envRaw !== undefined && environment === undefined) {
    problems.push({
      message: `-e/--environment: "${envRaw}" is not one of dev, staging, prod`,
      hint: 'choose dev | staging | prod',
    });
  }
  const namespace =
    firstAnswer(layers, 'namespace') ??
    (environment ? defaultNamespace(environment) : yes ? defaultNamespace('dev') : undefined);
  const release = firstAnswer(layers, 'release') ?? DEFAULT_RELEASE;
  if (namespace === undefined) {
    problems.push({
      message: 'missing answers: -n/--namespace',
      hint: 'pass -n NAMESPACE (or -e ENV for its default namespace)',
    });
  } else {
    const p = checkNamespace(namespace);
    if (p) problems.push({ message: `-n/--namespace: ${p.message}`, hint: p.hint });
  }
  const r = checkRelease(release);
  if (r) problems.push({ message: `-r/--release: ${r.message}`, hint: r.hint });
  if (problems.length || namespace === undefined) throw new UserError(problems, 2);
  return { environment, namespace, release };
}
