// Every question the wizard asks: its words (one plain line of help each), its choices,
// its default, and how an answer is checked. Ink screens and --plain prompts both read
// these, so both ask the same thing in the same order with the same validation.

import type { Environment } from '../domain/answers.js';
import { DEFAULT_RELEASE, defaultNamespace, ENVIRONMENT_SUMMARY } from '../domain/presets.js';
import type { Problem } from '../domain/validators.js';
import {
  checkHostname,
  checkNamespace,
  checkRelease,
  checkResourceName,
  checkServiceHost,
  checkSize,
  parseAutoscale,
  parseImage,
  parsePort,
  parseReplicas,
} from '../domain/validators.js';
import { type Draft, presetDraft } from './draft.js';
import type { StepContext, StepId } from './steps.js';

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

const env = (d: Draft): Environment => d.environment ?? 'dev';
const release = (d: Draft) => d.release ?? DEFAULT_RELEASE;

/** Default for a field: this run's answer, then the remembered one, then the environment's preset. */
export function defaultOf<K extends keyof Draft>(k: K, d: Draft, c: AskContext): Draft[K] {
  return d[k] ?? c.remembered[k] ?? presetDraft(env(d), release(d))[k];
}

const yesNo = (yes: string, no: string): Choice[] => [
  { value: 'yes', label: 'Yes', description: yes },
  { value: 'no', label: 'No', description: no },
];
const boolDefault = (v: boolean | undefined) => (v ? 'yes' : 'no');
const fail = (problem: Problem): Parsed => ({ ok: false, problem });
const patch = (p: Draft): Parsed => ({ ok: true, patch: p });
const checked = (problem: Problem | null, p: Draft): Parsed => (problem ? fail(problem) : patch(p));
const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null && 'message' in v;

export function questionFor(step: Exclude<StepId, 'preflight' | 'review'>, d: Draft, c: AskContext): Question {
  const text = (prompt: string, help: string, def: string | number | undefined, allowEmpty = false): Question => ({
    kind: 'text',
    step,
    prompt,
    help,
    defaultValue: def === undefined ? '' : String(def),
    ...(allowEmpty ? { allowEmpty } : {}),
  });
  const select = (prompt: string, help: string, choices: Choice[], def: string | undefined): Question => ({
    kind: 'select',
    step,
    prompt,
    help,
    choices,
    defaultValue: choices.some((x) => x.value === def) ? (def as string) : (choices[0]?.value ?? ''),
  });
  switch (step) {
    case 'environment':
      return select(
        'Which environment is this?',
        'Sets sensible defaults for everything that follows; you can change each one.',
        (['dev', 'staging', 'prod'] as const).map((e) => ({ value: e, label: e, description: ENVIRONMENT_SUMMARY[e] })),
        defaultOf('environment', d, c),
      );
    case 'namespace':
      return text(
        'Namespace',
        'The Kubernetes namespace the app is installed into (created if missing).',
        d.namespace ?? c.remembered.namespace ?? defaultNamespace(env(d)),
      );
    case 'release':
      return text(
        'Release name',
        'Helm tracks the installation under this name; keep the default unless you run several copies.',
        defaultOf('release', d, c),
      );
    case 'image':
      return text(
        'Container image',
        'Which build of the Flask app to run, as REPOSITORY:TAG.',
        imageText(defaultOf('image', d, c)),
      );
    case 'database':
      return select(
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
      );
    case 'db-host':
      return text(
        'Database host',
        'DNS name or IP of the PostgreSQL server (no port, no scheme).',
        defaultOf(step, d, c),
      );
    case 'db-port':
      return text('Database port', 'TCP port PostgreSQL listens on; 5432 is the usual one.', defaultOf(step, d, c));
    case 'db-name':
      return text('Database name', 'The database inside the server that the app uses.', defaultOf(step, d, c));
    case 'db-user':
      return text('Database user', 'The user the app logs in as.', defaultOf(step, d, c));
    case 'db-credentials':
      return select(
        'Database password',
        'The password never goes into the values file; it lives in a Kubernetes Secret.',
        [
          {
            value: 'existing',
            label: 'Use an existing Secret',
            description: 'a Secret with key "password" already exists',
          },
          {
            value: 'typed',
            label: 'Type it now',
            description: `the wizard creates the Secret ${defaultOf('db-secret', d, c)} for you`,
          },
        ],
        defaultOf(step, d, c),
      );
    case 'db-secret':
      return text(
        'Database Secret name',
        'The existing Secret holding the password under the key "password".',
        defaultOf(step, d, c),
      );
    case 'db-password':
      return {
        kind: 'password',
        step,
        prompt: 'Database password',
        help: `Typed once, hidden; stored only in the Secret ${secretFor('db-secret', d, c)}.`,
      };
    case 'redis':
      return select(
        'Redis',
        'Cache and background-job queue for the app.',
        [
          { value: 'subchart', label: 'In-cluster Redis', description: 'started next to the app' },
          { value: 'external', label: 'External Redis', description: 'a managed Redis you already have' },
          { value: 'none', label: 'No Redis', description: 'the app runs without a cache' },
        ],
        defaultOf('redis', d, c),
      );
    case 'redis-host':
      return text('Redis host', 'DNS name or IP of the Redis server (no port, no scheme).', defaultOf(step, d, c));
    case 'redis-port':
      return text('Redis port', 'TCP port Redis listens on; 6379 is the usual one.', defaultOf(step, d, c));
    case 'redis-credentials':
      return select(
        'Redis password',
        'The password never goes into the values file; it lives in a Kubernetes Secret.',
        [
          {
            value: 'existing',
            label: 'Use an existing Secret',
            description: 'a Secret with key "password" already exists',
          },
          ...(c.canTypeSecrets
            ? [
                {
                  value: 'typed',
                  label: 'Type it now',
                  description: `the wizard creates the Secret ${defaultOf('redis-secret', d, c)} for you`,
                },
              ]
            : []),
          { value: 'none', label: 'No password', description: 'Redis accepts connections without auth' },
        ],
        defaultOf(step, d, c),
      );
    case 'redis-secret':
      return text(
        'Redis Secret name',
        'The existing Secret holding the password under the key "password".',
        defaultOf(step, d, c),
      );
    case 'redis-password':
      return {
        kind: 'password',
        step,
        prompt: 'Redis password',
        help: `Typed once, hidden; stored only in the Secret ${secretFor('redis-secret', d, c)}.`,
      };
    case 'ingress':
      return select(
        'Expose the app with an Ingress?',
        'An Ingress gives the app a public hostname; without one you reach it by port-forward.',
        yesNo('route a hostname to the app through an ingress controller', 'reach it with port-forward only'),
        boolDefault(defaultOf('ingress', d, c)),
      );
    case 'host':
      return text('Hostname', 'The DNS name users type in the browser, e.g. app.example.com.', defaultOf(step, d, c));
    case 'ingress-class':
      return text(
        'Ingress class',
        'Which ingress controller serves it (kubectl get ingressclass).',
        defaultOf(step, d, c),
      );
    case 'tls':
      return select(
        'HTTPS (TLS)',
        env(d) === 'prod' ? 'Production always serves HTTPS.' : 'Where the HTTPS certificate comes from.',
        [
          { value: 'cert-manager', label: 'cert-manager', description: 'a certificate is issued and renewed for you' },
          {
            value: 'secret',
            label: 'Existing TLS Secret',
            description: 'you already have the certificate in a Secret',
          },
          ...(env(d) === 'prod' ? [] : [{ value: 'none', label: 'No TLS', description: 'plain HTTP only' }]),
        ],
        defaultOf('tls', d, c),
      );
    case 'cluster-issuer':
      return text('ClusterIssuer', 'The cert-manager ClusterIssuer that signs the certificate.', defaultOf(step, d, c));
    case 'tls-secret':
      return text(
        'TLS Secret name',
        d.tls === 'secret'
          ? 'The existing Secret holding tls.crt and tls.key.'
          : 'cert-manager stores the certificate in this Secret.',
        defaultOf(step, d, c),
      );
    case 'scaling':
      return select(
        'Scaling',
        'How many copies of the app run.',
        [
          { value: 'fixed', label: 'Fixed number of replicas', description: 'always the same number of pods' },
          { value: 'autoscale', label: 'Autoscale', description: 'grow and shrink with CPU and memory load' },
        ],
        defaultOf('scaling', d, c),
      );
    case 'replicas':
      return text('Replicas', 'How many pods run at all times.', defaultOf(step, d, c));
    case 'autoscale': {
      const range = defaultOf('autoscale', d, c);
      return text('Autoscale range', 'Fewest and most pods, as MIN:MAX.', range ? `${range.min}:${range.max}` : '2:10');
    }
    case 'storage':
      return select(
        'Model storage',
        'A persistent volume for ML model files, kept across restarts.',
        yesNo('mount a persistent volume at the model path', 'no volume; the model (if any) ships in the image'),
        boolDefault(defaultOf('storage', d, c)),
      );
    case 'storage-size':
      return text('Volume size', 'How much space the model volume gets, e.g. 10Gi.', defaultOf(step, d, c));
    case 'storage-class':
      return text(
        'Storage class',
        'Which kind of disk to use; leave empty for the cluster default.',
        defaultOf(step, d, c),
        true,
      );
    case 'monitoring':
      return select(
        'Monitoring',
        'A ServiceMonitor so Prometheus scrapes the app’s /metrics (needs the Prometheus operator).',
        yesNo('Prometheus scrapes the app', 'no ServiceMonitor'),
        boolDefault(defaultOf('monitoring', d, c)),
      );
  }
}

function imageText(img: Draft['image']): string {
  return img ? `${img.repository}:${img.tag}` : '';
}

function secretFor(k: 'db-secret' | 'redis-secret', d: Draft, c: AskContext): string {
  return defaultOf(k, d, c) ?? `${release(d)}-${k === 'db-secret' ? 'database' : 'redis'}`;
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
  if (q.kind === 'text' && input === '' && !q.allowEmpty) {
    const hint = parseAnswer({ ...q, defaultValue: ' ' }, ' ', d, c);
    return fail({
      message: `${q.prompt} is needed`,
      hint: hint.ok ? 'type a value' : hint.problem.hint,
    });
  }
  const resource = (what: string, k: keyof Draft) => checked(checkResourceName(input, what), { [k]: input });
  const port = (k: 'db-port' | 'redis-port'): Parsed => {
    const p = parsePort(input);
    return isProblem(p) ? fail(p) : patch({ [k]: p });
  };
  const step = q.step;
  switch (step) {
    case 'environment':
      return patch({ environment: input as Environment });
    case 'namespace':
      return checked(checkNamespace(input), { namespace: input });
    case 'release':
      return checked(checkRelease(input), { release: input });
    case 'image': {
      const img = parseImage(input, 'latest');
      return isProblem(img) ? fail(img) : patch({ image: img });
    }
    case 'database':
      return patch({ database: input as Draft['database'] & string });
    case 'db-host':
      return checked(checkServiceHost(input), { 'db-host': input });
    case 'redis-host':
      return checked(checkServiceHost(input), { 'redis-host': input });
    case 'db-port':
    case 'redis-port':
      return port(step);
    case 'db-name':
      return /^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/.test(input)
        ? patch({ 'db-name': input })
        : fail({
            message: `"${input}" is not a valid database name`,
            hint: 'use letters, digits and "_" (up to 63 characters, not starting with a digit), e.g. flask_app',
          });
    case 'db-user':
      return /^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/.test(input)
        ? patch({ 'db-user': input })
        : fail({
            message: `"${input}" is not a valid database user`,
            hint: 'use letters, digits and "_" (up to 63 characters, not starting with a digit), e.g. flask_app',
          });
    case 'db-credentials':
      return patch({ 'db-credentials': input as 'existing' | 'typed', 'db-secret': secretFor('db-secret', d, c) });
    case 'redis-credentials':
      return patch({
        'redis-credentials': input as 'existing' | 'typed' | 'none',
        'redis-secret': input === 'none' ? '' : secretFor('redis-secret', d, c),
      });
    case 'db-secret':
    case 'redis-secret':
      return resource('Secret name', step);
    case 'db-password':
    case 'redis-password':
      return raw.length === 0
        ? fail({ message: 'the password is empty', hint: 'type the password, or press Esc and use an existing Secret' })
        : { ok: true, patch: {}, password: raw };
    case 'redis':
      return patch({ redis: input as Draft['redis'] & string });
    case 'ingress':
      return patch({ ingress: input === 'yes' });
    case 'host':
      return checked(checkHostname(input), { host: input });
    case 'ingress-class':
      return resource('ingress class name', 'ingress-class');
    case 'tls':
      return patch({ tls: input as Draft['tls'] & string });
    case 'cluster-issuer':
      return resource('ClusterIssuer name', 'cluster-issuer');
    case 'tls-secret':
      return resource('Secret name', 'tls-secret');
    case 'scaling':
      return patch({ scaling: input as 'fixed' | 'autoscale' });
    case 'replicas': {
      const n = parseReplicas(input);
      return isProblem(n) ? fail(n) : patch({ replicas: n });
    }
    case 'autoscale': {
      const r = parseAutoscale(input);
      return isProblem(r) ? fail(r) : patch({ autoscale: r });
    }
    case 'storage':
      return patch({ storage: input === 'yes' });
    case 'storage-size':
      return checked(checkSize(input), { 'storage-size': input });
    case 'storage-class':
      return input === '' ? patch({ 'storage-class': '' }) : resource('storage class name', 'storage-class');
    case 'monitoring':
      return patch({ monitoring: input === 'yes' });
    default:
      return fail({ message: `nothing to answer at ${step}`, hint: 'press Esc to go back' });
  }
}
