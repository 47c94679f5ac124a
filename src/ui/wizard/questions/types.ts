// The shapes every question module shares, and the small builders they use.
import type { Environment } from '../../../domain/answers.js';
import { DEFAULT_RELEASE } from '../../../domain/presets.js';
import { checkResourceName, isProblem, type Problem } from '../../../domain/validators.js';
import { type Draft, presetDraft } from '../draft.js';
import type { StepContext, StepId } from '../steps.js';

export interface Choice {
  value: string;
  label: string;
  /** One line on what picking it means. */
  description: string;
}

export type Question =
  | { kind: 'select'; step: StepId; prompt: string; help: string; choices: Choice[]; defaultValue: string }
  | { kind: 'text'; step: StepId; prompt: string; help: string; defaultValue: string; allowEmpty?: boolean }
  | { kind: 'password'; step: StepId; prompt: string; help: string };

export type Parsed = { ok: true; patch: Draft; password?: string } | { ok: false; problem: Problem };

export interface AskContext extends StepContext {
  /** Answers the user gave earlier (the existing override file): defaults, still asked. */
  remembered: Draft;
}

/** Steps that ask something (preflight and review are screens of their own). */
export type QuestionStep = Exclude<StepId, 'preflight' | 'review'>;

/** How one question is worded and how its answer is read. */
export interface QuestionDef {
  ask: (step: QuestionStep, d: Draft, c: AskContext) => Question;
  /** `input` is trimmed, with the default already applied to empty text. */
  parse: (input: string, d: Draft, c: AskContext, raw: string) => Parsed;
}

export const envOf = (d: Draft): Environment => d.environment ?? 'dev';
export const releaseOf = (d: Draft) => d.release ?? DEFAULT_RELEASE;

/**
 * Default for a field: this run's answer, then the remembered one, then the environment's
 * preset. Remembered answers count only for the environment they were given for: picking
 * prod where the file said dev starts from the prod preset, not from dev's choices.
 */
export function defaultOf<K extends keyof Draft>(k: K, d: Draft, c: AskContext): Draft[K] {
  const remembered = k === 'environment' || rememberedApplies(d, c) ? c.remembered[k] : undefined;
  return d[k] ?? remembered ?? presetDraft(envOf(d), releaseOf(d))[k];
}

function rememberedApplies(d: Draft, c: AskContext): boolean {
  return c.remembered.environment === undefined || c.remembered.environment === envOf(d);
}

export function text(
  step: QuestionStep,
  prompt: string,
  help: string,
  def: string | number | undefined,
  allowEmpty = false,
): Question {
  return {
    kind: 'text',
    step,
    prompt,
    help,
    defaultValue: def === undefined ? '' : String(def),
    ...(allowEmpty ? { allowEmpty } : {}),
  };
}

export function select(
  step: QuestionStep,
  prompt: string,
  help: string,
  choices: Choice[],
  def: string | undefined,
): Question {
  const defaultValue = choices.some((x) => x.value === def) ? (def as string) : (choices[0]?.value ?? '');
  return { kind: 'select', step, prompt, help, choices, defaultValue };
}

export const yesNo = (yes: string, no: string): Choice[] => [
  { value: 'yes', label: 'Yes', description: yes },
  { value: 'no', label: 'No', description: no },
];
export const boolDefault = (v: boolean | undefined) => (v ? 'yes' : 'no');

export const fail = (problem: Problem): Parsed => ({ ok: false, problem });
export const patch = (p: Draft): Parsed => ({ ok: true, patch: p });
export const checked = (problem: Problem | null, p: Draft): Parsed => (problem ? fail(problem) : patch(p));
/** Wraps a parse-or-problem validator result into a draft patch. */
export const parsedAs = <T>(v: T | Problem, toPatch: (v: T) => Draft): Parsed =>
  isProblem(v) ? fail(v) : patch(toPatch(v));

/** A plain choice answer: the value is one of the question's choices (checked before). */
export const choice =
  <K extends keyof Draft>(k: K, map: (v: string) => Draft[K] = (v) => v as Draft[K]) =>
  (input: string): Parsed =>
    patch({ [k]: map(input) } as Draft);

/** A Kubernetes object name answer (Secret, IngressClass, …). */
export const resourceName =
  (k: keyof Draft, what: string) =>
  (input: string): Parsed =>
    checked(checkResourceName(input, what), { [k]: input } as Draft);
