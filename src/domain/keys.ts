// The answer keys are the long flag names: flags, `--answers FILE` and the
// existing override file all land in the same flat, flag-keyed shape before
// being turned into a typed `Answers` object.

export const ANSWER_KEYS = [
  'environment',
  'namespace',
  'release',
  'image',
  'database',
  'db-host',
  'db-port',
  'db-name',
  'db-user',
  'db-secret',
  'redis',
  'redis-host',
  'redis-port',
  'redis-secret',
  'ingress',
  'host',
  'ingress-class',
  'tls',
  'cluster-issuer',
  'tls-secret',
  'replicas',
  'autoscale',
  'storage',
  'storage-class',
  'monitoring',
] as const;

export type AnswerKey = (typeof ANSWER_KEYS)[number];

/** Raw answers before validation; values may be strings, numbers or booleans. */
export type FlatAnswers = Partial<Record<AnswerKey, unknown>>;

export function isAnswerKey(key: string): key is AnswerKey {
  return (ANSWER_KEYS as readonly string[]).includes(key);
}

/** How a key is spelled on the command line (used in every message that names it). */
export function flagFor(key: AnswerKey): string {
  switch (key) {
    case 'environment':
      return '-e/--environment';
    case 'namespace':
      return '-n/--namespace';
    case 'release':
      return '-r/--release';
    case 'ingress':
      return '--ingress/--no-ingress';
    case 'monitoring':
      return '--monitoring/--no-monitoring';
    case 'storage':
      return '--storage SIZE/--no-storage';
    case 'replicas':
      return '--replicas N/--autoscale MIN:MAX';
    default:
      return `--${key}`;
  }
}

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
