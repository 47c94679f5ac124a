// Every question the wizard asks: its words (one plain line of help each), its choices,
// its default, and how an answer is checked. Ink screens and --plain prompts both read
// these, so both ask the same thing in the same order with the same validation.
import type { Draft } from './draft.js';
import { BASIC_QUESTIONS } from './questions/basics.js';
import { INGRESS_QUESTIONS } from './questions/ingress.js';
import { SERVICE_QUESTIONS } from './questions/services.js';
import {
  type AskContext,
  fail,
  type Parsed,
  type Question,
  type QuestionDef,
  type QuestionStep,
} from './questions/types.js';

export type { AskContext, Choice, Parsed, Question, QuestionStep } from './questions/types.js';
export { defaultOf } from './questions/types.js';

const QUESTIONS: Partial<Record<QuestionStep, QuestionDef>> = {
  ...BASIC_QUESTIONS,
  ...SERVICE_QUESTIONS,
  ...INGRESS_QUESTIONS,
};

function defOf(step: QuestionStep): QuestionDef {
  const def = QUESTIONS[step];
  if (!def) throw new Error(`no question defined for step ${step}`);
  return def;
}

export function questionFor(step: QuestionStep, d: Draft, c: AskContext): Question {
  return defOf(step).ask(step, d, c);
}

/**
 * Checks an answer (a choice value, or text with the default applied for empty input)
 * and returns the draft fields it sets.
 */
export function parseAnswer(q: Question, raw: string, d: Draft, c: AskContext): Parsed {
  const input = q.kind === 'text' && raw.trim() === '' && !q.allowEmpty ? q.defaultValue : raw.trim();
  if (q.kind === 'select' && !q.choices.some((x) => x.value === input)) {
    return fail({
      message: `"${input}" is not one of the choices`,
      hint: `pick one of: ${q.choices.map((x) => x.value).join(', ')}`,
    });
  }
  const def = defOf(q.step as QuestionStep);
  if (q.kind === 'text' && input === '' && !q.allowEmpty) {
    // No default to fall back on: say it is needed, with the hint the validator gives.
    const probe = def.parse(' ', d, c, ' ');
    return fail({ message: `${q.prompt} is needed`, hint: probe.ok ? 'type a value' : probe.problem.hint });
  }
  return def.parse(input, d, c, raw);
}
