// Each question screen: the happy path, an invalid input with its message (and the typed
// text kept), and Esc back to the previous question.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import type { StepId } from '../../../../src/ui/wizard/steps.js';
import { driveTo } from '../../../helpers/drive.js';
import { press, typeAndEnter, waitForText } from '../../../helpers/frames.js';
import { KEY } from '../../../helpers/keys.js';
import { mountWizard } from '../../../helpers/mount-wizard.js';

afterEach(cleanup);

interface TextCase {
  step: StepId;
  /** Answers on the way there. */
  via?: Partial<Record<StepId, string>>;
  shows: string;
  bad: string;
  message: string;
  good: string;
  next: string;
  prev: string;
}

const TEXT_CASES: TextCase[] = [
  {
    step: 'namespace',
    shows: 'The Kubernetes namespace',
    bad: 'Bad_NS',
    message: 'is not a valid namespace',
    good: 'team-a',
    next: 'Release name',
    prev: 'Which environment is this?',
  },
  {
    step: 'release',
    shows: 'Helm tracks the installation',
    bad: 'Flask_App',
    message: 'is not a valid release name',
    good: 'web',
    next: 'Container image',
    prev: 'The Kubernetes namespace',
  },
  {
    step: 'image',
    shows: 'REPOSITORY:TAG',
    bad: 'Acme/Flask App',
    message: 'is not a valid image reference',
    good: 'acme/flask-app:2.0.1',
    next: 'Where the app keeps its data',
    prev: 'Helm tracks the installation',
  },
  {
    step: 'db-host',
    via: { database: 'external' },
    shows: 'DNS name or IP of the PostgreSQL server',
    bad: 'postgres://db',
    message: 'is not a valid host',
    good: 'pg.db.internal',
    next: 'Database port',
    prev: 'Where the app keeps its data',
  },
  {
    step: 'db-port',
    via: { database: 'external', 'db-host': 'pg' },
    shows: 'TCP port PostgreSQL',
    bad: '99999',
    message: 'is not a valid port',
    good: '6432',
    next: 'Database name',
    prev: 'DNS name or IP of the PostgreSQL server',
  },
  {
    step: 'db-name',
    via: { database: 'external', 'db-host': 'pg' },
    shows: 'The database inside the server',
    bad: '9lives',
    message: 'is not a valid database name',
    good: 'shop',
    next: 'Database user',
    prev: 'TCP port PostgreSQL',
  },
  {
    step: 'db-secret',
    via: { database: 'external', 'db-host': 'pg', 'db-credentials': 'existing' },
    shows: 'existing Secret holding the password',
    bad: 'My_Secret',
    message: 'is not a valid Secret name',
    good: 'pg-cred',
    next: 'Cache and background-job queue',
    prev: 'The password never goes into the values file',
  },
  {
    step: 'redis-port',
    via: { redis: 'external', 'redis-host': 'r' },
    shows: 'TCP port Redis',
    bad: 'abc',
    message: 'is not a valid port',
    good: '6380',
    next: 'Redis password',
    prev: 'DNS name or IP of the Redis server',
  },
  {
    step: 'host',
    via: { ingress: 'yes' },
    shows: 'The DNS name users type',
    bad: 'https://app',
    message: 'is not a valid hostname',
    good: 'shop.example.com',
    next: 'Ingress class',
    prev: 'An Ingress gives the app a public hostname',
  },
  {
    step: 'cluster-issuer',
    via: { ingress: 'yes', host: 'a.example.com', tls: 'cert-manager' },
    shows: 'ClusterIssuer that signs',
    bad: 'Lets Encrypt',
    message: 'is not a valid ClusterIssuer name',
    good: 'letsencrypt-prod',
    next: 'TLS Secret name',
    prev: 'Where the HTTPS certificate comes from',
  },
  {
    step: 'replicas',
    shows: 'How many pods run at all times',
    bad: '0',
    message: 'is not a valid replica count',
    good: '3',
    next: 'A persistent volume for ML model files',
    prev: 'How many copies of the app run',
  },
  {
    step: 'autoscale',
    via: { scaling: 'autoscale' },
    shows: 'Fewest and most pods',
    bad: '5:2',
    message: 'MIN 5 is greater than MAX 2',
    good: '2:6',
    next: 'A persistent volume for ML model files',
    prev: 'How many copies of the app run',
  },
  {
    step: 'storage-size',
    via: { storage: 'yes' },
    shows: 'How much space the model volume gets',
    bad: '10G',
    message: 'is not a valid storage size',
    good: '20Gi',
    next: 'Which kind of disk',
    prev: 'A persistent volume for ML model files',
  },
  {
    step: 'storage-class',
    via: { storage: 'yes' },
    shows: 'Which kind of disk',
    bad: 'Fast SSD',
    message: 'is not a valid storage class name',
    good: 'fast-ssd',
    next: 'Prometheus',
    prev: 'How much space the model volume gets',
  },
];

describe.each(TEXT_CASES)('text question $step', (c) => {
  test('happy path: a valid answer moves on', async () => {
    const { stdin, lastFrame } = await mountWizard(driveTo(c.step, c.via));
    await waitForText(lastFrame, c.shows);
    await typeAndEnter(stdin, c.good);
    await waitForText(lastFrame, c.next);
  });

  test('invalid input: message and hint inline, typed text kept, then fixable', async () => {
    const { stdin, lastFrame } = await mountWizard(driveTo(c.step, c.via));
    await waitForText(lastFrame, c.shows);
    await typeAndEnter(stdin, c.bad);
    const frame = await waitForText(lastFrame, c.message);
    expect(frame).toContain(`❯ ${c.bad}`);
    expect(frame).toContain(c.shows);
    for (const _ of c.bad) await press(stdin, KEY.backspace);
    await typeAndEnter(stdin, c.good);
    await waitForText(lastFrame, c.next);
  });

  test('Esc goes back to the previous question', async () => {
    const { stdin, lastFrame } = await mountWizard(driveTo(c.step, c.via));
    await waitForText(lastFrame, c.shows);
    await press(stdin, KEY.esc);
    await waitForText(lastFrame, c.prev);
  });
});

interface SelectCase {
  step: StepId;
  via?: Partial<Record<StepId, string>>;
  shows: string[];
  /** Downs before Enter. */
  downs: number;
  next: string;
  prev: string;
}

const SELECT_CASES: SelectCase[] = [
  {
    step: 'environment',
    shows: ['dev (default)', 'staging', '2 replicas, debug on'],
    downs: 1,
    next: 'staging-flask-app',
    prev: 'kube context',
  },
  {
    step: 'database',
    shows: ['In-cluster PostgreSQL (default)', 'External PostgreSQL', 'No database'],
    downs: 1,
    next: 'Database host',
    prev: 'REPOSITORY:TAG',
  },
  {
    step: 'db-credentials',
    via: { database: 'external', 'db-host': 'pg' },
    shows: ['Use an existing Secret', 'Type it now'],
    downs: 1,
    next: 'Typed once, hidden',
    prev: 'The user the app logs in as',
  },
  {
    step: 'redis',
    shows: ['In-cluster Redis (default)', 'External Redis', 'No Redis'],
    downs: 2,
    next: 'An Ingress gives the app',
    prev: 'Where the app keeps its data',
  },
  {
    step: 'redis-credentials',
    via: { redis: 'external', 'redis-host': 'r' },
    shows: ['Use an existing Secret', 'Type it now', 'No password'],
    downs: 2,
    next: 'An Ingress gives the app',
    prev: 'TCP port Redis',
  },
  {
    step: 'ingress',
    shows: ['Yes', 'No (default)'],
    downs: 1,
    next: 'The DNS name users type',
    prev: 'Cache and background-job queue',
  },
  {
    step: 'tls',
    via: { ingress: 'yes', host: 'a.example.com' },
    shows: ['cert-manager', 'Existing TLS Secret', 'No TLS (default)'],
    downs: 2,
    next: 'TLS Secret name',
    prev: 'Which ingress controller',
  },
  {
    step: 'scaling',
    shows: ['Fixed number of replicas (default)', 'Autoscale'],
    downs: 1,
    next: 'Fewest and most pods',
    prev: 'An Ingress gives the app',
  },
  {
    step: 'storage',
    shows: ['Yes', 'No (default)'],
    downs: 1,
    next: 'How much space the model volume gets',
    prev: 'How many pods run at all times',
  },
  {
    step: 'monitoring',
    shows: ['Prometheus scrapes the app', 'No (default)'],
    downs: 0,
    next: 'exactly as it will be written',
    prev: 'A persistent volume for ML model files',
  },
];

describe.each(SELECT_CASES)('select question $step', (c) => {
  test('happy path: every choice explained, default marked, Enter answers', async () => {
    const { stdin, lastFrame } = await mountWizard(driveTo(c.step, c.via));
    const frame = await waitForText(lastFrame, c.shows[0] ?? '');
    for (const s of c.shows) expect(frame).toContain(s);
    await press(stdin, ...Array<string>(c.downs).fill(KEY.down), KEY.enter);
    await waitForText(lastFrame, c.next);
  });

  test('Esc goes back to the previous question', async () => {
    const { stdin, lastFrame } = await mountWizard(driveTo(c.step, c.via));
    await waitForText(lastFrame, c.shows[0] ?? '');
    await press(stdin, KEY.esc);
    await waitForText(lastFrame, c.prev);
  });
});

describe('tls in production', () => {
  test('offers no plain-HTTP choice', async () => {
    const via = { environment: 'prod', image: 'acme/app:1', 'db-host': 'pg', 'redis-host': 'r', host: 'a.example.com' };
    const { lastFrame } = await mountWizard(driveTo('tls', via));
    const frame = await waitForText(lastFrame, 'Production always serves HTTPS');
    expect(frame).toContain('cert-manager (default)');
    expect(frame).not.toContain('No TLS');
  });
});

describe('password question', () => {
  test('masks what is typed and refuses an empty password', async () => {
    const via = { database: 'external', 'db-host': 'pg', 'db-credentials': 'typed' };
    const { stdin, lastFrame } = await mountWizard(driveTo('db-password', via));
    await waitForText(lastFrame, 'Typed once, hidden');
    await typeAndEnter(stdin, '');
    await waitForText(lastFrame, 'the password is empty');
    await typeAndEnter(stdin, 'hunter2');
    const frame = await waitForText(lastFrame, 'Cache and background-job queue');
    expect(frame).not.toContain('hunter2');
  });

  test('shows stars, never the password, while typing', async () => {
    const via = { database: 'external', 'db-host': 'pg', 'db-credentials': 'typed' };
    const { stdin, lastFrame } = await mountWizard(driveTo('db-password', via));
    await waitForText(lastFrame, 'Typed once, hidden');
    await press(stdin, 'hunter2');
    const frame = await waitForText(lastFrame, '*******');
    expect(frame).not.toContain('hunter2');
  });
});
