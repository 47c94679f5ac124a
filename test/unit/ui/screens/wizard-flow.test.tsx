// The whole wizard through its public promise API, once per environment, producing
// the expected Answers and showing the values file exactly as the values builder
// (src/values) will write it.

import chalk from 'chalk';
import { render } from 'ink';
import { afterEach, describe, expect, test } from 'vitest';
import type { Answers } from '../../../../src/domain/answers.js';
import { presetFor } from '../../../../src/domain/presets.js';
import {
  runInkWizard,
  runInkWizardWith,
  type WizardContext,
  WizardNeedsTerminalError,
} from '../../../../src/ui/screens/wizard.js';
import { WizardView } from '../../../../src/ui/screens/wizard-view.js';
import { initWizard } from '../../../../src/ui/wizard/wizard-state.js';
import { overrideTextFor } from '../../../../src/values/override-file.js';
import { DEV_ANSWERS } from '../../../helpers/answers.js';
import { fakeTerminal } from '../../../helpers/fake-tty.js';
import { plain, press, typeAndEnter, waitForText } from '../../../helpers/frames.js';
import { KEY } from '../../../helpers/keys.js';
import { PROD_CONTEXT, REACHABLE_DEV, UNREACHABLE } from '../../../helpers/wizard-fixtures.js';

const target = (a: Answers) => ({
  path: `/tmp/${a.release}.${a.namespace}.values.yaml`,
  shownPath: `./${a.release}.${a.namespace}.values.yaml`,
  shownChart: 'flask-app',
  chartDir: 'flask-app',
});
const valuesText = (a: Answers) => overrideTextFor(a, target(a));

function start(ctx: Partial<WizardContext> = {}, initial: Partial<Answers> = {}, rows?: number) {
  const term = fakeTerminal(rows);
  term.stdout.columns = 200;
  const result = runInkWizardWith(
    initial,
    {
      preflight: REACHABLE_DEV,
      reviewText: valuesText,
      valuesPath: (a) => target(a).shownPath,
      ...term.streams,
      env: {},
      ...ctx,
    },
    { debug: true },
  );
  return { ...term, result, frame: () => term.stdout.lastFrame() };
}

/** Each step: wait for this text, then send these keys (a plain string is typed, then Enter). */
type Walk = Array<[string, ...string[]]>;
async function walk(t: ReturnType<typeof start>, steps: Walk) {
  for (const [text, ...keys] of steps) {
    await waitForText(t.frame, text);
    for (const k of keys) {
      // Key sequences and digits (jump to the n-th choice) are pressed; other strings typed + Enter.
      if (Object.values(KEY).includes(k as never) || /^[1-9]$/.test(k)) await press(t.stdin, k);
      else await typeAndEnter(t.stdin, k);
    }
  }
}

/** Every line of the expected values file is on the Review screen. */
function expectReviewShows(frame: string, text: string) {
  for (const line of text.split('\n').filter((l) => l.trim() !== '')) expect(frame).toContain(line);
}

const E = KEY.enter;

describe('whole wizard', { timeout: 120_000 }, () => {
  test('dev (Priya): Enter all the way takes the defaults', async () => {
    const t = start();
    await walk(t, [
      ['kube context', E],
      ['Which environment is this?', E],
      ['default: dev-flask-app', E],
      ['default: flask-app', E],
      ['default: flask-app:dev', E],
      ['In-cluster PostgreSQL (default)', E],
      ['In-cluster Redis (default)', E],
      ['An Ingress gives the app', E],
      ['Fixed number of replicas (default)', E],
      ['default: 2', E],
      ['A persistent volume for ML model files', E],
      ['Prometheus scrapes the app', E],
    ]);
    const expected = DEV_ANSWERS;
    const frame = await waitForText(t.frame, '❯ Write the values file');
    expect(frame).toContain('./flask-app.dev-flask-app.values.yaml');
    expect(frame).toMatch(/database\s+in-cluster PostgreSQL/);
    expect(frame).toMatch(/ingress\s+none \(reach the app with port-forward\)/);
    expectReviewShows(frame, valuesText(expected));
    await press(t.stdin, E);
    expect(await t.result).toEqual({ kind: 'completed', answers: expected, secrets: {} });
  });

  test('staging: image, hostname typed; ingress with cert-manager from the preset', async () => {
    const t = start();
    await walk(t, [
      ['kube context', E],
      ['Which environment is this?', KEY.down, E],
      ['default: staging-flask-app', E],
      ['default: flask-app', E],
      ['Container image', 'acme/flask-app:1.4.2'],
      ['In-cluster PostgreSQL (default)', E],
      ['In-cluster Redis (default)', E],
      ['An Ingress gives the app', E],
      ['The DNS name users type', 'staging.example.com'],
      ['default: nginx', E],
      ['cert-manager (default)', E],
      ['default: letsencrypt-staging', E],
      ['default: flask-app-tls', E],
      ['Fixed number of replicas (default)', E],
      ['default: 2', E],
      ['A persistent volume for ML model files', KEY.up, E],
      ['default: 10Gi', '20Gi'],
      ['Which kind of disk', E],
      ['Prometheus scrapes the app', E],
    ]);
    const expected: Answers = {
      environment: 'staging',
      namespace: 'staging-flask-app',
      release: 'flask-app',
      image: { repository: 'acme/flask-app', tag: '1.4.2' },
      database: { mode: 'subchart' },
      redis: { mode: 'subchart' },
      ingress: {
        enabled: true,
        host: 'staging.example.com',
        className: 'nginx',
        tls: { mode: 'cert-manager', clusterIssuer: 'letsencrypt-staging', secretName: 'flask-app-tls' },
      },
      scaling: { mode: 'fixed', replicas: 2 },
      storage: { enabled: true, size: '20Gi', storageClass: '' },
      monitoring: false,
    };
    const frame = await waitForText(t.frame, '❯ Write the values file');
    expectReviewShows(frame, valuesText(expected));
    await press(t.stdin, E);
    expect(await t.result).toEqual({ kind: 'completed', answers: expected, secrets: {} });
  });

  test('prod (Marco): red banner, external services by existing Secrets, TLS, autoscale, typed confirmation', async () => {
    const p = presetFor('prod');
    const t = start({ preflight: PROD_CONTEXT });
    await walk(t, [
      ['PRODUCTION cluster: context gke-prod-eu-1', E],
      ['Which environment is this?', '3', E],
      ['default: prod-flask-app', E],
      ['default: flask-app', E],
      ['Container image', 'acme/flask-app:1.4.2'],
      ['External PostgreSQL', '2', E],
      ['Database host', 'pg.prod.internal'],
      ['Database port', E],
      ['Database name', E],
      ['The user the app logs in as', E],
      ['Use an existing Secret', '1', E],
      ['Database Secret name', E],
      ['External Redis', '2', E],
      ['Redis host', 'redis.prod.internal'],
      ['Redis port', E],
      ['Redis password', '1', E],
      ['Redis Secret name', E],
      ['An Ingress gives the app', '1', E],
      ['The DNS name users type', 'shop.example.com'],
      ['Ingress class', E],
      ['Production always serves HTTPS', '1', E],
      ['ClusterIssuer', E],
      ['TLS Secret name', E],
      ['Autoscale', '2', E],
      ['Fewest and most pods', '3:20'],
      ['A persistent volume for ML model files', '2', E],
      ['Prometheus scrapes the app', '1', E],
    ]);
    const expected: Answers = {
      environment: 'prod',
      namespace: 'prod-flask-app',
      release: 'flask-app',
      image: { repository: 'acme/flask-app', tag: '1.4.2' },
      database: {
        mode: 'external',
        host: 'pg.prod.internal',
        port: Number(p['db-port']),
        name: String(p['db-name']),
        user: String(p['db-user']),
        secret: String(p['db-secret']),
      },
      redis: {
        mode: 'external',
        host: 'redis.prod.internal',
        port: Number(p['redis-port']),
        secret: String(p['redis-secret']),
      },
      ingress: {
        enabled: true,
        host: 'shop.example.com',
        className: String(p['ingress-class']),
        tls: { mode: 'cert-manager', clusterIssuer: String(p['cluster-issuer']), secretName: String(p['tls-secret']) },
      },
      scaling: { mode: 'autoscale', min: 3, max: 20 },
      storage: { enabled: false },
      monitoring: true,
    };
    const frame = await waitForText(t.frame, 'type the namespace prod-flask-app to install');
    expect(frame).toContain('PRODUCTION cluster: context gke-prod-eu-1, prod environment');
    expectReviewShows(frame, valuesText(expected));
    await typeAndEnter(t.stdin, 'prod-flask-app');
    expect(await t.result).toEqual({ kind: 'completed', answers: expected, secrets: {} });
  });

  test('a typed database password comes back out-of-band, never in the values text', async () => {
    const t = start(
      {},
      { environment: 'staging', namespace: 'stg', release: 'shop', image: { repository: 'acme/shop', tag: '3' } },
    );
    await walk(t, [
      ['kube context', E],
      ['In-cluster PostgreSQL (default)', KEY.down, E],
      ['Database host', 'pg.internal'],
      ['default: 5432', E],
      ['default: flask_app', E],
      ['The user the app logs in as', E],
      ['Use an existing Secret (default)', KEY.down, E],
      ['Typed once, hidden', 'correct horse battery staple'],
      ['In-cluster Redis (default)', E],
      ['An Ingress gives the app', KEY.down, E],
      ['Fixed number of replicas (default)', E],
      ['default: 2', E],
      ['A persistent volume for ML model files', E],
      ['Prometheus scrapes the app', E],
    ]);
    const frame = await waitForText(t.frame, '❯ Write the values file');
    expect(frame).toContain('shop-database');
    await press(t.stdin, E);
    const r = await t.result;
    expect(r.kind === 'completed' && r.secrets).toEqual({
      database: { secretName: 'shop-database', key: 'password', password: 'correct horse battery staple' },
    });
    expect(JSON.stringify(r.kind === 'completed' && r.answers)).not.toContain('battery');
    expect(t.stdout.frames.join('')).not.toContain('battery');
  });

  test('no cluster: render only, and no password question', async () => {
    const t = start({ preflight: UNREACHABLE }, { environment: 'prod', image: { repository: 'acme/a', tag: '1' } });
    await walk(t, [
      ['Render only', E],
      ['default: prod-flask-app', E],
      ['default: flask-app', E],
      ['External PostgreSQL', '2', E],
      ['Database host', 'pg'],
      ['Database port', E],
      ['Database name', E],
      ['The user the app logs in as', E],
      ['Database Secret name', E],
    ]);
    expect(plain(t.frame())).not.toContain('Type it now');
    await walk(t, [
      ['External Redis', '3', E],
      ['An Ingress gives the app', '2', E],
      ['Autoscale', '1', E],
      ['How many pods run at all times', '4', E],
      ['A persistent volume for ML model files', '2', E],
      ['Prometheus scrapes the app', '2', E],
      ['render manifests', 'prod-flask-app'],
    ]);
    const r = await t.result;
    expect(r.kind).toBe('render-only');
    expect(r.kind === 'render-only' && r.answers.scaling).toEqual({ mode: 'fixed', replicas: 4 });
  });

  test('flags that fixed every answer leave only preflight and review', async () => {
    const initial: Answers = { ...DEV_ANSWERS, database: { mode: 'none' }, redis: { mode: 'none' } };
    const t = start({}, initial);
    await walk(t, [['kube context', E]]);
    const frame = await waitForText(t.frame, '❯ Write the values file');
    expect(frame).toContain('step 1 of 1');
    await press(t.stdin, E);
    expect(await t.result).toEqual({ kind: 'completed', answers: initial, secrets: {} });
  });

  test('Ctrl-C mid-way resolves cancelled and unmounts', async () => {
    const t = start();
    await walk(t, [
      ['kube context', E],
      ['Which environment is this?', E],
      ['default: dev-flask-app', KEY.ctrlC],
    ]);
    expect(await t.result).toEqual({ kind: 'cancelled' });
    expect(t.stdin.rawMode).toBe(false);
  });

  test('an aborted signal resolves cancelled', async () => {
    const ac = new AbortController();
    const t = start({ signal: ac.signal });
    await waitForText(t.frame, 'kube context');
    ac.abort();
    expect(await t.result).toEqual({ kind: 'cancelled' });
  });

  test('a short terminal scrolls the review with PgDn', async () => {
    const long = Array.from({ length: 80 }, (_, i) => `key${i}: ${i}`).join('\n');
    const t = start({ reviewText: () => long }, {}, 30);
    await walk(t, [['kube context', E], ...Array.from({ length: 11 }, (): [string, string] => ['step', E])]);
    let frame = await waitForText(t.frame, 'key0: 0');
    expect(frame).toContain('lines 1–14 of 80');
    expect(frame).not.toContain('key20: 20');
    await press(t.stdin, KEY.pageDown);
    frame = await waitForText(t.frame, 'lines 13–26 of 80');
    expect(frame).toContain('key20: 20');
    expect(frame).not.toContain('key0: 0');
  });
});

describe('terminal handling', () => {
  afterEach(() => {
    chalk.level = 0;
  });

  test('refuses to mount without a TTY on stdin', async () => {
    const t = fakeTerminal();
    t.stdin.isTTY = false;
    await expect(
      runInkWizard({}, { preflight: REACHABLE_DEV, reviewText: () => '', ...t.streams }),
    ).rejects.toBeInstanceOf(WizardNeedsTerminalError);
  });

  test('without raw mode the wizard still renders and never asks stdin for raw mode', async () => {
    const t = fakeTerminal();
    t.stdin.isTTY = false;
    const app = render(
      <WizardView
        initialState={initWizard({ canTypeSecrets: true })}
        facts={REACHABLE_DEV}
        purpose="install"
        reviewText={() => ''}
        onDone={() => {}}
      />,
      { ...t.streams, debug: true, exitOnCtrlC: false, patchConsole: false },
    );
    await waitForText(t.stdout.lastFrame, 'kube context');
    expect(t.stdin.rawMode).toBe(false);
    app.unmount();
  });

  test('NO_COLOR removes colour codes (which are there without it)', async () => {
    const colourCode = new RegExp(`${String.fromCharCode(27)}\\[(3[0-7]|9[0-7]|4[0-7])m`);
    chalk.level = 3;
    const coloured = start({ preflight: PROD_CONTEXT });
    await waitForText(coloured.frame, 'PRODUCTION');
    expect(coloured.frame()).toMatch(colourCode);
    await press(coloured.stdin, KEY.ctrlC);
    await coloured.result;

    chalk.level = 3;
    const t = start({ preflight: PROD_CONTEXT, env: { NO_COLOR: '1' } });
    await waitForText(t.frame, 'PRODUCTION');
    expect(t.stdout.frames.join('')).not.toMatch(colourCode);
    await press(t.stdin, KEY.ctrlC);
    await t.result;
  });
});
