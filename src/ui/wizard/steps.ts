// Which questions exist, in which order, and which of them apply given the answers so
// far. Pure: the reducer and both front-ends (Ink and --plain) walk the same list.

import type { Draft, DraftKey } from './draft.js';

export type StepId = 'preflight' | Exclude<DraftKey, 'scaling' | 'storage'> | StepExtra | 'review';
type StepExtra = 'scaling' | 'storage' | 'db-password' | 'redis-password';

/** A screen: one group of questions (the step header counts these, not single questions). */
export type GroupId =
  | 'preflight'
  | 'environment'
  | 'namespace'
  | 'release'
  | 'image'
  | 'database'
  | 'redis'
  | 'ingress'
  | 'scaling'
  | 'storage'
  | 'monitoring'
  | 'review';

export const GROUP_TITLES: Record<GroupId, string> = {
  preflight: 'Before we start',
  environment: 'Environment',
  namespace: 'Namespace',
  release: 'Release name',
  image: 'Image',
  database: 'Database',
  redis: 'Redis',
  ingress: 'Ingress',
  scaling: 'Scaling',
  storage: 'Model storage',
  monitoring: 'Monitoring',
  review: 'Review',
};

export interface StepContext {
  /** False when passwords cannot be turned into Secrets (render path, no cluster). */
  canTypeSecrets: boolean;
}

interface StepDef {
  id: StepId;
  group: GroupId;
  applies?: (d: Draft, c: StepContext) => boolean;
}

const dbExternal = (d: Draft) => d.database === 'external';
const redisExternal = (d: Draft) => d.redis === 'external';
const ingressOn = (d: Draft) => d.ingress === true;

const STEPS: readonly StepDef[] = [
  { id: 'preflight', group: 'preflight' },
  { id: 'environment', group: 'environment' },
  { id: 'namespace', group: 'namespace' },
  { id: 'release', group: 'release' },
  { id: 'image', group: 'image' },
  { id: 'database', group: 'database' },
  { id: 'db-host', group: 'database', applies: dbExternal },
  { id: 'db-port', group: 'database', applies: dbExternal },
  { id: 'db-name', group: 'database', applies: dbExternal },
  { id: 'db-user', group: 'database', applies: dbExternal },
  { id: 'db-credentials', group: 'database', applies: (d, c) => dbExternal(d) && c.canTypeSecrets },
  {
    id: 'db-secret',
    group: 'database',
    applies: (d, c) => dbExternal(d) && (!c.canTypeSecrets || d['db-credentials'] !== 'typed'),
  },
  {
    id: 'db-password',
    group: 'database',
    applies: (d, c) => dbExternal(d) && c.canTypeSecrets && d['db-credentials'] === 'typed',
  },
  { id: 'redis', group: 'redis' },
  { id: 'redis-host', group: 'redis', applies: redisExternal },
  { id: 'redis-port', group: 'redis', applies: redisExternal },
  { id: 'redis-credentials', group: 'redis', applies: redisExternal },
  { id: 'redis-secret', group: 'redis', applies: (d) => redisExternal(d) && d['redis-credentials'] === 'existing' },
  {
    id: 'redis-password',
    group: 'redis',
    applies: (d, c) => redisExternal(d) && c.canTypeSecrets && d['redis-credentials'] === 'typed',
  },
  { id: 'ingress', group: 'ingress' },
  { id: 'host', group: 'ingress', applies: ingressOn },
  { id: 'ingress-class', group: 'ingress', applies: ingressOn },
  { id: 'tls', group: 'ingress', applies: ingressOn },
  { id: 'cluster-issuer', group: 'ingress', applies: (d) => ingressOn(d) && d.tls === 'cert-manager' },
  { id: 'tls-secret', group: 'ingress', applies: (d) => ingressOn(d) && d.tls !== undefined && d.tls !== 'none' },
  { id: 'scaling', group: 'scaling' },
  { id: 'replicas', group: 'scaling', applies: (d) => d.scaling === 'fixed' },
  { id: 'autoscale', group: 'scaling', applies: (d) => d.scaling === 'autoscale' },
  { id: 'storage', group: 'storage' },
  { id: 'storage-size', group: 'storage', applies: (d) => d.storage === true },
  { id: 'storage-class', group: 'storage', applies: (d) => d.storage === true },
  { id: 'monitoring', group: 'monitoring' },
  { id: 'review', group: 'review' },
];

const BY_ID = new Map(STEPS.map((s) => [s.id, s]));

export function groupOf(step: StepId): GroupId {
  return BY_ID.get(step)?.group ?? 'review';
}

/**
 * The draft field a step answers, when it answers one. A step is skipped when that field
 * is fixed (came from flags or an answers file). Passwords are never fixed: they only
 * exist when typed here.
 */
function fieldOf(step: StepId): DraftKey | null {
  if (step === 'preflight' || step === 'review' || step === 'db-password' || step === 'redis-password') return null;
  return step;
}

/** Does this step ask anything, given the answers so far and what is fixed? */
function isAsked(step: StepId, draft: Draft, fixed: ReadonlySet<DraftKey>, c: StepContext): boolean {
  const def = BY_ID.get(step);
  if (!def) return false;
  if (def.applies && !def.applies(draft, c)) return false;
  const field = fieldOf(step);
  return field === null || !fixed.has(field);
}

/** The next asked step after `from`, or null when `from` is the last one. */
export function nextStep(from: StepId, draft: Draft, fixed: ReadonlySet<DraftKey>, c: StepContext): StepId | null {
  const start = STEPS.findIndex((s) => s.id === from);
  for (const s of STEPS.slice(start + 1)) if (isAsked(s.id, draft, fixed, c)) return s.id;
  return null;
}

/** Screens still shown (groups with at least one asked step), for "step i of n". */
export function visibleGroups(draft: Draft, fixed: ReadonlySet<DraftKey>, c: StepContext): GroupId[] {
  const groups: GroupId[] = [];
  for (const s of STEPS) {
    if (s.group === 'preflight') continue;
    if (isAsked(s.id, draft, fixed, c) && !groups.includes(s.group)) groups.push(s.group);
  }
  return groups;
}
