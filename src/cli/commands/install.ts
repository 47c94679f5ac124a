// `install` (default) and `upgrade`: answers → values written → the install pipeline.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Answers } from '../../domain/answers.js';
import { type ExitCode, usageError } from '../../domain/errors.js';
import { type TypedSecrets, typedSecrets } from '../../ui/wizard/contract.js';
import { writeFileAtomic } from '../../values/io.js';
import { minimalOverrideText, writeOverride } from '../../values/override-file.js';
import { obtainAnswers, type ValuesTarget, valuesTargetFor } from '../answers-flow.js';
import type { CliContext, InstallRequest } from '../context.js';
import { readStdinPasswords } from '../secrets-stdin.js';
import { renderFromAnswers } from './render.js';
import { checkTimeout, kubeOptions, optionalInt } from './shared.js';

export async function installCommand(ctx: CliContext): Promise<ExitCode> {
  const command = ctx.command === 'upgrade' ? 'upgrade' : 'install';
  checkTimeout(ctx.options.timeout);
  const port = optionalInt(ctx.options.port, '--port', 1, 65535);
  const outcome = await obtainAnswers(ctx, 'install');
  if (outcome.kind === 'cancelled') return 130;
  if (outcome.renderOnly) return renderFromAnswers(ctx, outcome);
  const { answers } = outcome;
  const secrets = { ...outcome.secrets, ...(await stdinSecrets(ctx, answers)) };

  const target = await valuesTargetFor(ctx, answers, outcome.input);
  const overrideBefore = target.existing?.text ?? null;
  const { valuesFile, scratch } = await writeValues(ctx, answers, target);

  const request: InstallRequest = {
    command,
    answers,
    valuesFile,
    shownValuesFile: target.shownPath,
    overrideBefore,
    chartDir: target.chartDir,
    shownChart: target.shownChart,
    extraValues: ctx.options.values.map((f) => resolve(ctx.cwd, f)),
    sets: ctx.options.set,
    timeout: ctx.options.timeout,
    dryRun: ctx.options.dryRun === true,
    yes: ctx.options.yes === true,
    secrets,
    portForward: ctx.options.portForward === true,
    verify: ctx.options.verify !== false,
    loadImage: ctx.options.loadImage,
    port,
    ...kubeOptions(ctx),
  };
  // ── hand-over to the install pipeline (loaded now: --help never compiles it) ──
  try {
    return await (await import('../release/entries.js')).installEntry(request, ctx);
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/** Writes the override file; a dry run writes a private copy (in `scratch`) and leaves the user's file alone. */
async function writeValues(
  ctx: CliContext,
  answers: Answers,
  target: ValuesTarget,
): Promise<{ valuesFile: string; scratch?: string }> {
  if (ctx.options.dryRun) {
    const scratch = await mkdtemp(join(tmpdir(), 'flask-helm-wizard-'));
    const valuesFile = join(scratch, 'values.yaml');
    await writeFileAtomic(valuesFile, await minimalOverrideText(answers, target, target.existing), { mode: 0o600 });
    ctx.out.info(`(dry run: values written to ${valuesFile}; ${target.shownPath} left as it is)`);
    return { valuesFile, scratch };
  }
  const written = await writeOverride(answers, target, target.existing);
  ctx.out.event({
    type: 'values-written',
    path: target.path,
    backup: written.backedUp ? `${target.path}.bak` : null,
  });
  if (!ctx.out.json) ctx.out.info(`✔ values written to ${target.shownPath}`);
  return { valuesFile: target.path };
}

async function stdinSecrets(ctx: CliContext, a: Answers): Promise<TypedSecrets> {
  const want = { database: ctx.options.dbPasswordStdin === true, redis: ctx.options.redisPasswordStdin === true };
  if (want.database && a.database.mode !== 'external') {
    throw usageError(
      '--db-password-stdin needs --database external',
      'the in-cluster database generates its own password; drop the flag',
    );
  }
  if (want.redis && (a.redis.mode !== 'external' || !a.redis.secret)) {
    throw usageError(
      '--redis-password-stdin needs --redis external with --redis-secret NAME',
      'name the Secret to create with --redis-secret, or drop the flag',
    );
  }
  return typedSecrets(a, await readStdinPasswords(ctx.stdin, want));
}
