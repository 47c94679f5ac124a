// The machinery behind resolve.ts: answer layers, picking a value by precedence,
// and turning validator problems into InputErrors that name the flag and its source.
import { type AnswerKey, type AnswerLayer, type AnswerSource, flagFor } from './keys.js';
import { isProblem, type Problem } from './validators.js';

export interface InputError {
  key: AnswerKey;
  message: string;
  hint: string;
}

export type Part<T> = { ok: true; value: T } | { ok: false; errors: InputError[]; missing: AnswerKey[] };
export interface Picked {
  value: unknown;
  source: AnswerSource;
  origin: string | undefined;
}

export const USER_SOURCES: readonly AnswerSource[] = ['flag', 'answers-file'];

export class Layers {
  constructor(readonly list: readonly AnswerLayer[]) {}

  pick(key: AnswerKey): Picked | undefined {
    for (const layer of this.list) {
      const value = layer.values[key];
      if (value !== undefined && value !== null) return { value, source: layer.source, origin: layer.origin };
    }
    return undefined;
  }

  /** The first layer that says anything about a choice decides it (explicitly or by implication). */
  decide<T>(decide: (layer: AnswerLayer) => T | undefined): { value: T; layer: AnswerLayer } | undefined {
    for (const layer of this.list) {
      const value = decide(layer);
      if (value !== undefined) return { value, layer };
    }
    return undefined;
  }
}

export function where(p: Picked): string {
  if (p.source === 'answers-file') return ` (in answers file ${p.origin ?? ''})`.replace(' )', ')');
  if (p.source === 'values-file') return ` (in values file ${p.origin ?? ''})`.replace(' )', ')');
  return '';
}

export function err(key: AnswerKey, problem: Problem, p?: Picked): InputError {
  return { key, message: `${flagFor(key)}: ${problem.message}${p ? where(p) : ''}`, hint: problem.hint };
}

export function fail<T>(errors: InputError[], missing: AnswerKey[] = []): Part<T> {
  return { ok: false, errors, missing };
}

export function need(layers: Layers, key: AnswerKey): Picked | AnswerKey {
  return layers.pick(key) ?? key;
}

export function str(p: Picked): string {
  return typeof p.value === 'string' ? p.value.trim() : String(p.value);
}

export function parseBool(p: Picked, key: AnswerKey): boolean | InputError {
  if (typeof p.value === 'boolean') return p.value;
  const s = String(p.value).toLowerCase();
  if (s === 'true' || s === 'yes') return true;
  if (s === 'false' || s === 'no') return false;
  return err(key, { message: `"${String(p.value)}" is not true or false`, hint: 'use true or false' }, p);
}

export function parseChoice<T extends string>(p: Picked, key: AnswerKey, choices: readonly T[]): T | InputError {
  const s = str(p);
  if ((choices as readonly string[]).includes(s)) return s as T;
  return err(key, { message: `"${s}" is not one of ${choices.join(', ')}`, hint: `choose ${choices.join(' | ')}` }, p);
}

export function isError(x: unknown): x is InputError {
  return typeof x === 'object' && x !== null && 'key' in x && 'hint' in x;
}

/** Collects the text fields of a part: missing keys, validation errors, or values. */
export function fields(
  layers: Layers,
  specs: Array<[AnswerKey, (s: string, p: Picked) => Problem | null | unknown]>,
): { values: Map<AnswerKey, unknown>; errors: InputError[]; missing: AnswerKey[] } {
  const values = new Map<AnswerKey, unknown>();
  const errors: InputError[] = [];
  const missing: AnswerKey[] = [];
  for (const [key, check] of specs) {
    const p = need(layers, key);
    if (typeof p === 'string') {
      missing.push(p);
      continue;
    }
    const s = str(p);
    const r = check(s, p);
    if (isProblem(r)) errors.push(err(key, r, p));
    else values.set(key, r === null ? s : r);
  }
  return { values, errors, missing };
}

export function hasAny(layer: AnswerLayer, keys: AnswerKey[]): boolean {
  return USER_SOURCES.includes(layer.source) && keys.some((k) => layer.values[k] !== undefined);
}

/** A flag that only makes sense with another choice, given while that choice is off. */
export function strays(layers: Layers, keys: AnswerKey[], why: string, fix: string): InputError[] {
  const out: InputError[] = [];
  for (const layer of layers.list) {
    if (!USER_SOURCES.includes(layer.source)) continue;
    for (const key of keys) {
      if (layer.values[key] !== undefined) {
        out.push({ key, message: `${flagFor(key)} was given but ${why}`, hint: fix });
      }
    }
  }
  return out;
}
