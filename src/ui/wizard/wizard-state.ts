// The wizard as a pure reducer: where we are, what was answered, what was typed in
// secret, and how it ended. Screens dispatch actions; nothing here renders or does I/O.

import type { Answers } from '../../domain/answers.js';
import type { FlatAnswers } from '../../domain/keys.js';
import type { Problem } from '../../domain/validators.js';
import { type Draft, type DraftKey, draftFromAnswers, draftFromFlat, toAnswers } from './draft.js';
import { type AskContext, parseAnswer, questionFor } from './questions.js';
import { nextStep, type StepContext, type StepId } from './steps.js';

export type PreflightChoice = 'continue' | 'render-only' | 'quit';
export type ReviewChoice = 'confirm' | 'back' | 'quit';

export type WizardAction =
  /** Answer the current question: a choice value, or the text as typed (empty = default). */
  | { type: 'answer'; value: string }
  | { type: 'preflight'; choice: PreflightChoice }
  /** On Review; `typed` is what was typed to confirm (prod asks for the namespace). */
  | { type: 'review'; choice: ReviewChoice; typed?: string }
  | { type: 'back' }
  | { type: 'cancel' };

export type Outcome =
  | { kind: 'completed'; answers: Answers; passwords: Passwords }
  | { kind: 'render-only'; answers: Answers }
  | { kind: 'cancelled' };

export interface Passwords {
  database?: string;
  redis?: string;
}

export interface WizardState {
  step: StepId;
  /** Steps shown before this one, for Esc. */
  history: StepId[];
  draft: Draft;
  /** Fields that came from flags / an answers file: never asked. */
  fixed: ReadonlySet<DraftKey>;
  remembered: Draft;
  /** Typed passwords: kept out of the draft so they cannot reach Answers or the values file. */
  passwords: Passwords;
  /** The last answer's problem, shown inline under the current question. */
  error: Problem | null;
  /** Chosen on the preflight screen when no cluster answers. */
  renderOnly: boolean;
  /** Purpose 'render' or no cluster: passwords cannot become Secrets, so none are asked. */
  canTypeSecrets: boolean;
  outcome: Outcome | null;
}

export interface InitOptions {
  /** Complete groups known from flags / answers file (skipped). */
  initial?: Partial<Answers>;
  /** Single flag-keyed answers known, within groups that are not complete (skipped). */
  knownKeys?: FlatAnswers;
  remembered?: Partial<Answers>;
  canTypeSecrets: boolean;
}

export function initWizard(o: InitOptions): WizardState {
  const draft: Draft = { ...draftFromFlat(o.knownKeys ?? {}), ...draftFromAnswers(o.initial ?? {}) };
  // A known Secret name means the password is not typed here.
  if (draft['db-secret'] !== undefined) draft['db-credentials'] ??= 'existing';
  if (draft['redis-secret'] !== undefined) draft['redis-credentials'] ??= 'existing';
  const fixed = new Set(Object.keys(draft) as DraftKey[]);
  return {
    step: 'preflight',
    history: [],
    draft,
    fixed,
    remembered: draftFromAnswers(o.remembered ?? {}),
    passwords: {},
    error: null,
    renderOnly: false,
    canTypeSecrets: o.canTypeSecrets,
    outcome: null,
  };
}

export function stepContext(s: WizardState): StepContext {
  return { canTypeSecrets: s.canTypeSecrets && !s.renderOnly };
}

export function askContext(s: WizardState): AskContext {
  return { ...stepContext(s), remembered: s.remembered };
}

function advance(s: WizardState, draft: Draft, passwords = s.passwords): WizardState {
  const next = nextStep(s.step, draft, s.fixed, stepContext(s)) ?? 'review';
  return { ...s, draft, passwords, error: null, step: next, history: [...s.history, s.step] };
}

export function wizardReducer(s: WizardState, a: WizardAction): WizardState {
  if (s.outcome) return s;
  switch (a.type) {
    case 'cancel':
      return { ...s, outcome: { kind: 'cancelled' } };
    case 'back': {
      const prev = s.history.at(-1);
      if (prev === undefined) return { ...s, error: null };
      return { ...s, step: prev, history: s.history.slice(0, -1), error: null };
    }
    case 'preflight': {
      if (s.step !== 'preflight') return s;
      if (a.choice === 'quit') return { ...s, outcome: { kind: 'cancelled' } };
      return advance({ ...s, renderOnly: a.choice === 'render-only' }, s.draft);
    }
    case 'answer':
      return answer(s, a.value);
    case 'review':
      return review(s, a.choice, a.typed);
  }
}

function answer(s: WizardState, value: string): WizardState {
  if (s.step === 'preflight' || s.step === 'review') return s;
  const ctx = askContext(s);
  const q = questionFor(s.step, s.draft, ctx);
  const parsed = parseAnswer(q, value, s.draft, ctx);
  if (!parsed.ok) return { ...s, error: parsed.problem };
  const draft = { ...s.draft, ...parsed.patch };
  if (parsed.password === undefined) return advance(s, draft);
  const key = s.step === 'db-password' ? 'database' : 'redis';
  return advance(s, draft, { ...s.passwords, [key]: parsed.password });
}

/** What Review needs typed to confirm: prod asks for the namespace, others nothing. */
export function confirmationWord(s: WizardState): string | null {
  return s.draft.environment === 'prod' ? (s.draft.namespace ?? null) : null;
}

function review(s: WizardState, choice: ReviewChoice, typed: string | undefined): WizardState {
  if (s.step !== 'review') return s;
  if (choice === 'quit') return { ...s, outcome: { kind: 'cancelled' } };
  if (choice === 'back') return wizardReducer(s, { type: 'back' });
  const done = toAnswers(s.draft);
  if (!done.ok) {
    return {
      ...s,
      error: {
        message: `some answers are missing: ${done.missing.join(', ')}`,
        hint: 'press Esc to go back and answer them',
      },
    };
  }
  const word = confirmationWord(s);
  if (word !== null && (typed ?? '').trim() !== word) {
    return {
      ...s,
      error: {
        message: typed ? `"${typed}" does not match the namespace` : 'type the namespace to confirm',
        hint: `type ${word} exactly to deploy to production, or press Esc to go back`,
      },
    };
  }
  if (s.renderOnly) return { ...s, error: null, outcome: { kind: 'render-only', answers: done.answers } };
  return { ...s, error: null, outcome: { kind: 'completed', answers: done.answers, passwords: livePasswords(s) } };
}

/** Only passwords whose question still applies (the user may have switched to a Secret since). */
function livePasswords(s: WizardState): Passwords {
  const p: Passwords = {};
  const d = s.draft;
  if (s.passwords.database !== undefined && d.database === 'external' && d['db-credentials'] === 'typed') {
    p.database = s.passwords.database;
  }
  if (s.passwords.redis !== undefined && d.redis === 'external' && d['redis-credentials'] === 'typed') {
    p.redis = s.passwords.redis;
  }
  return p;
}

/** The answers so far, for the Review screen (null until complete). */
export function currentAnswers(s: WizardState): Answers | null {
  const r = toAnswers(s.draft);
  return r.ok ? r.answers : null;
}
