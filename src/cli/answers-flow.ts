// One Answers object from flags, --answers, the existing override file and — only
// when a person is at a terminal — the wizard. Headless runs never prompt: what is
// still missing is an exit-2 error naming the flags.

import { parse } from 'yaml';
import type { Answers } from '../domain/answers.js';
import { UserError } from '../domain/errors.js';
import { type AnswerLayer, type FlatAnswers, flagFor } from '../domain/keys.js';
import { type Resolution, resolveAnswers } from '../domain/resolve.js';
import type { TypedSecrets, WizardContext, WizardResult } from '../ui/wizard/contract.js';
import { assertSchema, type ExistingOverride, loadOverride, minimalOverrideText } from '../values/override-file.js';
import type { CliContext } from './context.js';
import { gatherFacts } from './facts.js';
import { chartPaths, type GatheredInput, gatherInput, layersOf, missingProblem, valuesFileFor } from './inputs.js';

export type AnswersOutcome =
  | { kind: 'answers'; answers: Answers; secrets: TypedSecrets; renderOnly: boolean; input: GatheredInput }
  | { kind: 'cancelled' };

export interface ValuesTarget {
  path: string;
  shownPath: string;
  chartDir: string;
  shownChart: string;
  existing: ExistingOverride | undefined;
}

/** Where the override file for these answers lives, and what it holds now. */
export async function valuesTargetFor(ctx: CliContext, answers: Answers, input: GatheredInput): Promise<ValuesTarget> {
  const loc =
    input.valuesFile && ctx.options.valuesFile
      ? input.valuesFile
      : valuesFileFor(answers.release, answers.namespace, ctx.cwd);
  const chart = chartPaths(ctx.options, ctx.cwd, ctx.packageRoot);
  const existing = input.valuesFile?.path === loc.path ? input.existing : await loadOverride(loc.path, chart.chartDir);
  return { path: loc.path, shownPath: loc.shown, ...chart, existing };
}

function strictResolve(layers: AnswerLayer[], useDefaults: boolean, nameDefaults = false): Resolution {
  return resolveAnswers(layers, { useDefaults, nameDefaults });
}

function throwProblems(r: Extract<Resolution, { ok: false }>, yes: boolean): never {
  const problems = r.errors.map((e) => ({ message: e.message, hint: e.hint }));
  if (r.missing.length) problems.push(missingProblem(r.missing, yes));
  const e = new UserError(problems, 2);
  if (r.missing.length) e.details = { missing: [...new Set(r.missing)].map(flagFor) };
  throw e;
}

export async function obtainAnswers(ctx: CliContext, purpose: 'install' | 'render'): Promise<AnswersOutcome> {
  const yes = ctx.options.yes === true;
  const input = await gatherInput(ctx.options, ctx.cwd, {
    fallbackEnv: yes ? 'dev' : undefined,
    discover: ctx.mode !== 'headless',
    chartDir: chartPaths(ctx.options, ctx.cwd, ctx.packageRoot).chartDir,
  });
  for (const w of input.warnings) ctx.out.warn(w.message, w.hint);
  const layers = layersOf(input);
  const none: TypedSecrets = {};

  if (ctx.mode === 'headless') {
    const r = strictResolve(layers, yes, true);
    if (!r.ok) throwProblems(r, yes);
    if (r.answers.environment === 'prod' && !yes && purpose === 'install') {
      throw new UserError({ message: 'production needs a confirmation', hint: 'add --yes to confirm in CI' }, 2);
    }
    return { kind: 'answers', answers: r.answers, secrets: none, renderOnly: false, input };
  }

  // A person is here. Bad flags are still reported before anything is asked.
  const given = strictResolve(input.given, false);
  if (!given.ok && given.errors.length) throwProblems({ ...given, missing: [] }, yes);
  let known = given.ok ? given.answers : given.known;
  if (yes) {
    const r = strictResolve(layers, true);
    // Interactive prod still asks to type the namespace on the Review screen.
    if (r.ok && !(r.answers.environment === 'prod' && purpose === 'install')) {
      return { kind: 'answers', answers: r.answers, secrets: none, renderOnly: false, input };
    }
    if (!r.ok && r.errors.length) throwProblems({ ...r, missing: [] }, yes);
    known = r.ok ? r.answers : r.known;
  }
  const result = await runWizard(ctx, input, known, purpose);
  switch (result.kind) {
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'render-only':
      return { kind: 'answers', answers: result.answers, secrets: none, renderOnly: true, input };
    case 'completed':
      return { kind: 'answers', answers: result.answers, secrets: result.secrets, renderOnly: false, input };
  }
}

function mergedGiven(input: GatheredInput): FlatAnswers {
  // Later spreads win: answers file first, flags last.
  return Object.assign({}, ...[...input.given].reverse().map((l) => l.values)) as FlatAnswers;
}

async function runWizard(
  ctx: CliContext,
  input: GatheredInput,
  known: Partial<Answers>,
  purpose: 'install' | 'render',
): Promise<WizardResult> {
  const remembered = input.existing
    ? strictResolve([{ source: 'values-file', values: input.existing.answers }], false)
    : undefined;
  // Not awaited: the first frame shows the facts as "checking…" while helm, kubectl and the
  // cluster answer, and the screens hold back every choice that depends on them.
  const preflight = ctx.preflight ?? gatherFacts(ctx.runner, ctx.options, ctx.env, ctx.signal);
  preflight.catch(() => undefined);
  const screens = ctx.mode === 'plain' ? import('../ui/screens/plain.js') : import('../ui/screens/wizard.js');
  const wctx: WizardContext = {
    preflight,
    purpose,
    remembered: remembered ? (remembered.ok ? remembered.answers : remembered.known) : undefined,
    knownKeys: mergedGiven(input),
    reviewText: async (answers) => {
      const target = await valuesTargetFor(ctx, answers, input);
      const text = await minimalOverrideText(answers, target, target.existing);
      try {
        await assertSchema(answers, target.chartDir, parse(text));
      } catch (e) {
        // The Review screen shows message + hint and only lets the user go back.
        const first = e instanceof UserError ? e.problems[0] : undefined;
        if (first) throw Object.assign(new Error(first.message), { hint: first.hint });
        throw e;
      }
      return text;
    },
    valuesPath: (answers) => ctx.options.valuesFile ?? valuesFileFor(answers.release, answers.namespace, ctx.cwd).shown,
    stdin: ctx.stdin,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    env: ctx.env,
    signal: ctx.signal,
  };
  const loaded = await screens;
  return 'runPlainWizard' in loaded ? loaded.runPlainWizard(known, wctx) : loaded.runInkWizard(known, wctx);
}
