// `render` (and "render only" from the wizard): values file + manifests, no cluster.
import { relative, resolve } from 'node:path';
import type { Answers } from '../../domain/answers.js';
import type { ExitCode } from '../../domain/errors.js';
import { secretsNamed } from '../../domain/secrets.js';
import { renderManifests } from '../../pipelines/render.js';
import type { CommandEvent } from '../../ui/run/ndjson-lines.js';
import { writeOverride } from '../../values/override-file.js';
import { type AnswersOutcome, obtainAnswers, valuesTargetFor } from '../answers-flow.js';
import type { CliContext } from '../context.js';
import { kubeOptions, requireHelm } from './shared.js';

export async function renderCommand(ctx: CliContext): Promise<ExitCode> {
  const outcome = await obtainAnswers(ctx, 'render');
  if (outcome.kind === 'cancelled') return 130;
  return renderFromAnswers(ctx, outcome);
}

export async function renderFromAnswers(
  ctx: CliContext,
  outcome: Extract<AnswersOutcome, { kind: 'answers' }>,
): Promise<ExitCode> {
  const { answers } = outcome;
  const o = ctx.options;
  if (o.dbPasswordStdin || o.redisPasswordStdin) {
    ctx.out.warn(
      'render reads no password and writes no Secret: stdin was left unread',
      'create the Secrets before installing, or run `install` with the same --*-password-stdin flag',
    );
  }
  const helm = await requireHelm(ctx);
  const target = await valuesTargetFor(ctx, answers, outcome.input);
  const written = await writeOverride(answers, target, target.existing);
  report(
    ctx,
    { type: 'values-written', path: target.path, backup: written.backedUp ? `${target.path}.bak` : null },
    `✔ values written to ${target.shownPath}${written.backedUp ? ` (previous kept as ${target.shownPath}.bak)` : ''}`,
  );

  const shownOut = o.outputDir ?? `./${answers.release}.${answers.namespace}.manifests`;
  const result = await renderManifests({
    answers,
    chartDir: target.chartDir,
    shownChart: target.shownChart,
    valuesFile: target.path,
    shownValuesFile: target.shownPath,
    outputDir: resolve(ctx.cwd, shownOut),
    extraValues: o.values.map((f) => resolve(ctx.cwd, f)),
    sets: o.set,
    timeout: o.timeout,
    helm,
    runner: ctx.runner,
    signal: ctx.signal,
    ...kubeOptions(ctx),
  });
  report(
    ctx,
    { type: 'manifests-written', path: result.outputDir, files: result.files },
    `✔ ${result.files.length} manifests rendered into ${shownOut}/ (replaced on each render)`,
  );
  if (result.secretFiles.length) {
    report(
      ctx,
      {
        type: 'throwaway-secrets',
        files: result.secretFiles.map((f) => relative(ctx.cwd, resolve(result.outputDir, f))),
      },
      `  ${result.secretFiles.length} Secret manifest(s) there are readable by you only (mode 0600): their generated passwords are throwaway — helm install generates and keeps its own.`,
    );
  }
  for (const line of neededSecrets(answers)) report(ctx, { type: 'secret-needed', message: line }, `  ${line}`);
  report(
    ctx,
    { type: 'install-command', command: result.installCommand },
    `Install it with:\n  ${result.installCommand}`,
  );
  return 0;
}

/** One line for a person, or the same fact as an event with --json. */
function report(ctx: CliContext, event: CommandEvent, text: string): void {
  if (ctx.out.json) ctx.out.event(event);
  else ctx.out.info(text);
}

/** Existing Secrets the answers point at: they must exist before an install. */
function neededSecrets(a: Answers): string[] {
  return secretsNamed(a).map(({ kind, name }) =>
    kind === 'tls'
      ? `TLS Secret ${name} must exist in namespace ${a.namespace}.`
      : `Secret ${name} (key "password") must exist in namespace ${a.namespace} before install — \`install --${kind === 'database' ? 'db' : 'redis'}-password-stdin\` creates it.`,
  );
}
