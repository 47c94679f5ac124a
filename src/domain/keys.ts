// The answer keys are the long flag names (the table in fields.ts): flags, `--answers
// FILE` and the existing override file all land in the same flat, flag-keyed shape
// before being turned into a typed `Answers` object.

import type { AnswerKey } from './fields.js';

export { ANSWER_KEYS, type AnswerKey, flagFor, isAnswerKey } from './fields.js';

/** Raw answers before validation; values may be strings, numbers or booleans. */
export type FlatAnswers = Partial<Record<AnswerKey, unknown>>;

/** Where an answer came from, highest precedence first. */
export type AnswerSource = 'flag' | 'answers-file' | 'values-file' | 'default';

export interface AnswerLayer {
  source: AnswerSource;
  /** Shown in messages, e.g. the answers file path. */
  origin?: string;
  values: FlatAnswers;
}

/** The highest-precedence value given for `key`, as text (null counts as not given). */
export function firstAnswer(layers: readonly AnswerLayer[], key: AnswerKey): string | undefined {
  for (const l of layers) {
    const v = l.values[key];
    if (v !== undefined && v !== null) return String(v);
  }
  return undefined;
}
