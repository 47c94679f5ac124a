// `--plain`: the same questions, order and validation as the Ink wizard (one reducer,
// one question list), asked as line prompts for screen readers and dumb terminals.
// Never used while an Ink tree is mounted: both would read stdin.
import { input, password, select } from '@inquirer/prompts';
import type { Answers } from '../../domain/answers.js';
import type { KnownAnswers, PreflightFacts, WizardContext, WizardResult } from '../wizard/contract.js';
import { preflightChoices } from '../wizard/preflight.js';
import { contextLooksLikeProduction } from '../wizard/production.js';
import { parseAnswer, type Question, questionFor } from '../wizard/questions.js';
import { GROUP_TITLES, groupOf } from '../wizard/steps.js';
import { answersSummary } from '../wizard/summary.js';
import {
  askContext,
  confirmationWord,
  currentAnswers,
  type WizardAction,
  type WizardState,
  wizardReducer,
} from '../wizard/wizard-state.js';
import { settleFacts } from './facts-source.js';
import { markFirstFrame } from './first-frame.js';
import { UNSTYLED_THEME, wantsNoColor } from './plain-theme.js';
import { reviewLines } from './review-lines.js';
import { startState, toResult } from './wizard-result.js';

export type { KnownAnswers, WizardContext, WizardResult } from '../wizard/contract.js';

/** Typed alone at a text prompt, goes back one question (line prompts have no Esc). */
const BACK_WORD = '<';
const BACK_CHOICE = '__back__';

interface Io {
  write: (line: string) => void;
  /** Spread into every prompt's config: the unstyled theme under NO_COLOR / TERM=dumb. */
  theme: { theme?: typeof UNSTYLED_THEME };
  /** The screen title last printed, so each group gets one heading. */
  lastGroup: string | null;
  context: {
    input: NodeJS.ReadableStream;
    output: NodeJS.WritableStream;
    signal?: AbortSignal;
    clearPromptOnDone: false;
  };
}

/**
 * Asks every question that is still unknown as line prompts and resolves like
 * runInkWizard. Ctrl-C (or `ctx.signal`) resolves `cancelled`.
 */
export async function runPlainWizard(initial: KnownAnswers, ctx: WizardContext): Promise<WizardResult> {
  const output = ctx.stdout ?? process.stdout;
  const io: Io = {
    write: (line) => output.write(`${line}\n`),
    lastGroup: null,
    theme: wantsNoColor(ctx.env ?? process.env) ? { theme: UNSTYLED_THEME } : {},
    context: {
      input: ctx.stdin ?? process.stdin,
      output,
      clearPromptOnDone: false,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    },
  };
  markFirstFrame();
  let state = startState(initial, ctx);
  try {
    while (!state.outcome) {
      const action = await ask(state, ctx, io);
      state = wizardReducer(state, action);
      if (state.error) io.write(`✖ ${state.error.message}\n  ${state.error.hint}`);
    }
  } catch (e) {
    if (isPromptCancel(e)) return { kind: 'cancelled' };
    throw e;
  }
  return toResult(state.outcome);
}

function isPromptCancel(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

async function ask(s: WizardState, ctx: WizardContext, io: Io): Promise<WizardAction> {
  const group = groupOf(s.step);
  if (group !== io.lastGroup) {
    io.lastGroup = group;
    const env = s.draft.environment;
    const prod = env === 'prod' ? ' — PRODUCTION, changes here affect real users' : '';
    io.write(`\n== ${GROUP_TITLES[group]}${env ? ` [${env}]` : ''}${prod} ==`);
  }
  if (s.step === 'preflight') {
    // Line prompts cannot fill a fact in later: wait for all of them before asking.
    const facts = await settleFacts(ctx.preflight);
    printPreflight(facts, io);
    const choices = preflightChoices(facts, ctx.purpose ?? 'install') ?? [];
    const choice = await select(
      {
        ...io.theme,
        message: 'How do you want to go on?',
        choices: choices.map((c) => ({ value: c.value, name: c.label, description: c.description })),
      },
      io.context,
    );
    return { type: 'preflight', choice: choice as 'continue' | 'render-only' | 'quit' };
  }
  if (s.step === 'review') return review(s, ctx, io);
  return question(s, questionFor(s.step, s.draft, askContext(s)), io);
}

async function question(s: WizardState, q: Question, io: Io): Promise<WizardAction> {
  io.write(q.help);
  const canGoBack = s.history.length > 0;
  const validate = (v: string) => {
    if (canGoBack && v.trim() === BACK_WORD) return true;
    const r = parseAnswer(q, v, s.draft, askContext(s));
    return r.ok ? true : `${r.problem.message} — ${r.problem.hint}`;
  };
  if (q.kind === 'select') {
    const choices = q.choices.map((c) => ({ value: c.value, name: c.label, description: c.description }));
    if (canGoBack) choices.push({ value: BACK_CHOICE, name: 'Go back', description: 'to the previous question' });
    const value = await select({ ...io.theme, message: q.prompt, choices, default: q.defaultValue }, io.context);
    return value === BACK_CHOICE ? { type: 'back' } : { type: 'answer', value };
  }
  if (q.kind === 'password') {
    const value = await password({ ...io.theme, message: q.prompt, mask: true, validate }, io.context);
    return { type: 'answer', value };
  }
  const value = await input(
    {
      ...io.theme,
      message: canGoBack ? `${q.prompt} (${BACK_WORD} goes back)` : q.prompt,
      ...(q.defaultValue !== '' ? { default: q.defaultValue } : {}),
      validate,
    },
    io.context,
  );
  return canGoBack && value.trim() === BACK_WORD ? { type: 'back' } : { type: 'answer', value };
}

function printPreflight(f: PreflightFacts, io: Io): void {
  if (f.production ?? contextLooksLikeProduction(f.context))
    io.write(`!! PRODUCTION cluster: context ${f.context} — changes here affect real users`);
  io.write(`kube context: ${f.context ?? '(none)'}`);
  if (f.server) io.write(`API server:   ${f.server}`);
  io.write(
    `cluster:      ${f.reachable ? 'reachable' : `not reachable${f.unreachableReason ? `: ${f.unreachableReason}` : ''}`}`,
  );
  io.write(`helm:         ${f.helmVersion ?? 'not found'}`);
  io.write(`kubectl:      ${f.kubectlVersion ?? 'not found'}`);
}

async function review(s: WizardState, ctx: WizardContext, io: Io): Promise<WizardAction> {
  const answers = currentAnswers(s);
  if (!answers) return { type: 'review', choice: 'confirm' }; // the reducer names what is missing
  try {
    await printReview(answers, ctx, io);
  } catch (e) {
    const err = e as Error & { hint?: unknown };
    io.write(`✖ ${err.message}`);
    io.write(`  ${typeof err.hint === 'string' ? err.hint : 'choose Go back and change the answer it names'}`);
    const choice = await select(
      {
        ...io.theme,
        message: 'The values file cannot be built',
        choices: [
          { value: 'back', name: 'Go back' },
          { value: 'quit', name: 'Quit' },
        ],
      },
      io.context,
    );
    return { type: 'review', choice: choice as 'back' | 'quit' };
  }
  const word = confirmationWord(s);
  const action = (ctx.purpose ?? 'install') === 'install' && !s.renderOnly ? 'install' : 'render manifests';
  if (word !== null) {
    const typed = await input(
      { ...io.theme, message: `Production: type the namespace ${word} to ${action} (${BACK_WORD} goes back)` },
      io.context,
    );
    if (typed.trim() === BACK_WORD) return { type: 'back' };
    return { type: 'review', choice: 'confirm', typed };
  }
  const choice = await select(
    {
      ...io.theme,
      message: 'Write it?',
      choices: [
        { value: 'confirm', name: `Write the values file and ${action}` },
        { value: 'back', name: 'Go back' },
        { value: 'quit', name: 'Quit without writing' },
      ],
    },
    io.context,
  );
  return { type: 'review', choice: choice as 'confirm' | 'back' | 'quit' };
}

/** The answers in short, then the values file exactly as it will be written. */
async function printReview(answers: Answers, ctx: WizardContext, io: Io): Promise<void> {
  const values = await ctx.reviewText(answers);
  const where = ctx.valuesPath ? ` (${ctx.valuesPath(answers)})` : '';
  for (const [label, value] of answersSummary(answers)) io.write(`${`${label}:`.padEnd(14)}${value}`);
  io.write('');
  io.write(`The values file${where}, exactly as it will be written (it holds no secrets):`);
  io.write('---');
  for (const l of reviewLines(values)) io.write(l.text);
  io.write('---');
}
