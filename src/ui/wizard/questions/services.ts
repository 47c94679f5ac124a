// Database and Redis: in-cluster, external (connection, then how the password is given), or none.
import { checkPgName, checkServiceHost, parsePort } from '../../../domain/validators.js';
import type { Draft } from '../draft.js';
import {
  type AskContext,
  checked,
  choice,
  defaultOf,
  fail,
  parsedAs,
  type QuestionDef,
  type QuestionStep,
  releaseOf,
  resourceName,
  select,
  text,
} from './types.js';

function secretFor(k: 'db-secret' | 'redis-secret', d: Draft, c: AskContext): string {
  return defaultOf(k, d, c) ?? `${releaseOf(d)}-${k === 'db-secret' ? 'database' : 'redis'}`;
}

const pgName = (k: 'db-name' | 'db-user', what: string) => (input: string) =>
  checked(checkPgName(input, what), { [k]: input });

const host = (k: 'db-host' | 'redis-host') => (input: string) => checked(checkServiceHost(input), { [k]: input });
const port = (k: 'db-port' | 'redis-port') => (input: string) => parsedAs(parsePort(input), (p) => ({ [k]: p }));

/** Typed once and hidden; the wizard turns it into the Secret `k` names. */
const passwordQuestion = (prompt: string, k: 'db-secret' | 'redis-secret'): QuestionDef => ({
  ask: (step, d, c) => ({
    kind: 'password',
    step,
    prompt,
    help: `Typed once, hidden; stored only in the Secret ${secretFor(k, d, c)}.`,
  }),
  parse: (_input, _d, _c, raw) =>
    raw.length === 0
      ? fail({ message: 'the password is empty', hint: 'type the password, or press Esc and use an existing Secret' })
      : { ok: true, patch: {}, password: raw },
});

const typeItNow = (k: 'db-secret' | 'redis-secret', d: Draft, c: AskContext) => ({
  value: 'typed',
  label: 'Type it now',
  description: `the wizard creates the Secret ${secretFor(k, d, c)} for you`,
});

const EXISTING = {
  value: 'existing',
  label: 'Use an existing Secret',
  description: 'a Secret with key "password" already exists',
};
const KEEPS_IT_OUT = 'The password never goes into the values file; it lives in a Kubernetes Secret.';

export const SERVICE_QUESTIONS: Partial<Record<QuestionStep, QuestionDef>> = {
  database: {
    ask: (step, d, c) =>
      select(
        step,
        'Database',
        'Where the app keeps its data (PostgreSQL).',
        [
          {
            value: 'subchart',
            label: 'In-cluster PostgreSQL',
            description: 'started next to the app; easiest for dev and staging',
          },
          {
            value: 'external',
            label: 'External PostgreSQL',
            description: 'a managed database you already have; password from a Secret',
          },
          { value: 'none', label: 'No database', description: 'the app runs without one' },
        ],
        defaultOf('database', d, c),
      ),
    parse: choice('database', (v) => v as Draft['database']),
  },
  'db-host': {
    ask: (step, d, c) =>
      text(
        step,
        'Database host',
        'DNS name or IP of the PostgreSQL server (no port, no scheme).',
        defaultOf(step as 'db-host', d, c),
      ),
    parse: host('db-host'),
  },
  'db-port': {
    ask: (step, d, c) =>
      text(step, 'Database port', 'TCP port PostgreSQL listens on; 5432 is the usual one.', defaultOf('db-port', d, c)),
    parse: port('db-port'),
  },
  'db-name': {
    ask: (step, d, c) =>
      text(step, 'Database name', 'The database inside the server that the app uses.', defaultOf('db-name', d, c)),
    parse: pgName('db-name', 'database name'),
  },
  'db-user': {
    ask: (step, d, c) => text(step, 'Database user', 'The user the app logs in as.', defaultOf('db-user', d, c)),
    parse: pgName('db-user', 'database user'),
  },
  'db-credentials': {
    ask: (step, d, c) =>
      select(
        step,
        'Database password',
        KEEPS_IT_OUT,
        [EXISTING, typeItNow('db-secret', d, c)],
        defaultOf('db-credentials', d, c),
      ),
    parse: (input, d, c) =>
      checked(null, { 'db-credentials': input as 'existing' | 'typed', 'db-secret': secretFor('db-secret', d, c) }),
  },
  'db-secret': {
    ask: (step, d, c) =>
      text(
        step,
        'Database Secret name',
        'The existing Secret holding the password under the key "password".',
        defaultOf('db-secret', d, c),
      ),
    parse: resourceName('db-secret', 'Secret name'),
  },
  'db-password': passwordQuestion('Database password', 'db-secret'),
  redis: {
    ask: (step, d, c) =>
      select(
        step,
        'Redis',
        'Cache and background-job queue for the app.',
        [
          { value: 'subchart', label: 'In-cluster Redis', description: 'started next to the app' },
          { value: 'external', label: 'External Redis', description: 'a managed Redis you already have' },
          { value: 'none', label: 'No Redis', description: 'the app runs without a cache' },
        ],
        defaultOf('redis', d, c),
      ),
    parse: choice('redis', (v) => v as Draft['redis']),
  },
  'redis-host': {
    ask: (step, d, c) =>
      text(
        step,
        'Redis host',
        'DNS name or IP of the Redis server (no port, no scheme).',
        defaultOf('redis-host', d, c),
      ),
    parse: host('redis-host'),
  },
  'redis-port': {
    ask: (step, d, c) =>
      text(step, 'Redis port', 'TCP port Redis listens on; 6379 is the usual one.', defaultOf('redis-port', d, c)),
    parse: port('redis-port'),
  },
  'redis-credentials': {
    ask: (step, d, c) =>
      select(
        step,
        'Redis password',
        KEEPS_IT_OUT,
        [
          EXISTING,
          ...(c.canTypeSecrets ? [typeItNow('redis-secret', d, c)] : []),
          { value: 'none', label: 'No password', description: 'Redis accepts connections without auth' },
        ],
        defaultOf('redis-credentials', d, c),
      ),
    parse: (input, d, c) =>
      checked(null, {
        'redis-credentials': input as 'existing' | 'typed' | 'none',
        'redis-secret': input === 'none' ? '' : secretFor('redis-secret', d, c),
      }),
  },
  'redis-secret': {
    ask: (step, d, c) =>
      text(
        step,
        'Redis Secret name',
        'The existing Secret holding the password under the key "password".',
        defaultOf('redis-secret', d, c),
      ),
    parse: resourceName('redis-secret', 'Secret name'),
  },
  'redis-password': passwordQuestion('Redis password', 'redis-secret'),
};
