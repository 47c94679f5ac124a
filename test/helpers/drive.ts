// Moves the pure reducer to a given step by answering with defaults (or given values),
// so a screen test can start right at the screen it is about.
import { questionFor } from '../../src/ui/wizard/questions.js';
import type { StepId } from '../../src/ui/wizard/steps.js';
import {
  askContext,
  type InitOptions,
  initWizard,
  type WizardState,
  wizardReducer,
} from '../../src/ui/wizard/wizard-state.js';

/** Answers for questions that have no default in some environments. */
export const FILL: Partial<Record<StepId, string>> = {
  image: 'acme/flask-app:1.4.2',
  'db-host': 'pg.db',
  'redis-host': 'redis.cache',
  host: 'app.example.com',
};

/** The answer driveTo gives: the one passed, else the default, else a FILL value. */
export function answerFor(s: WizardState, answers: Partial<Record<StepId, string>>): string {
  if (s.step === 'preflight' || s.step === 'review') throw new Error(`no question at ${s.step}`);
  const q = questionFor(s.step, s.draft, askContext(s));
  const given = answers[s.step];
  if (given !== undefined) return given;
  if (q.kind === 'select') return q.defaultValue;
  if (q.kind === 'password') return 'pw';
  return q.defaultValue === '' ? (FILL[s.step] ?? '') : '';
}

export function driveTo(
  target: StepId,
  answers: Partial<Record<StepId, string>> = {},
  init: InitOptions = { canTypeSecrets: true },
): WizardState {
  let s = wizardReducer(initWizard(init), { type: 'preflight', choice: 'continue' });
  for (let guard = 0; s.step !== target; guard++) {
    if (guard > 60 || s.step === 'review' || s.step === 'preflight')
      throw new Error(`never reached ${target}, stuck at ${s.step}`);
    s = wizardReducer(s, { type: 'answer', value: answerFor(s, answers) });
    if (s.error) throw new Error(`answer for ${s.step} rejected: ${s.error.message}`);
  }
  return s;
}
