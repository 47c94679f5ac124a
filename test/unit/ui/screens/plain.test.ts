// --plain: the same questions, order and validation as the Ink wizard, as line prompts.
import { afterEach, beforeEach, describe, expect, onTestFinished, test, vi } from 'vitest';
import type { Answers } from '../../../../src/domain/answers.js';
import { presetFor } from '../../../../src/domain/presets.js';
import { runPlainWizard } from '../../../../src/ui/screens/plain.js';
import type { PreflightFacts } from '../../../../src/ui/wizard/contract.js';
import { tick } from '../../../helpers/frames.js';
import { KEY } from '../../../helpers/keys.js';
import { lineTerminal } from '../../../helpers/line-terminal.js';
import { fakeReviewText, PROD_CONTEXT, REACHABLE_DEV, UNREACHABLE } from '../../../helpers/wizard-fixtures.js';

type Step = [wait: string, ...send: string[]];

async function walk(t: ReturnType<typeof lineTerminal>, steps: Step[]) {
  let at = 0;
  for (const [wait, ...send] of steps) {
    at = await t.waitFor(wait, at);
    await t.send(...send);
  }
}

const E = KEY.enter;

describe('plain wizard', { timeout: 120_000 }, () => {
  // Node's readline edits lines (backspace, arrows) only when TERM is not "dumb"; on a
  // dumb terminal the terminal itself edits and sends whole lines. These tests type
  // keys like a user at an ordinary terminal, whatever TERM the test run has.
  beforeEach(() => {
    vi.stubEnv('TERM', 'xterm-256color');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  test('dev: Enter takes each default; every question has its help line', async () => {
    const t = lineTerminal();
    const result = runPlainWizard({}, { preflight: REACHABLE_DEV, reviewText: fakeReviewText, ...t.streams });
    await walk(t, [
      ['kube context: kind-dev', E],
      ['Sets sensible defaults', E],
      ['The Kubernetes namespace', E],
      ['Helm tracks the installation', E],
      ['REPOSITORY:TAG', E],
      ['Where the app keeps its data', E],
      ['Cache and background-job queue', E],
      ['An Ingress gives the app', E],
      ['How many copies of the app run', E],
      ['How many pods run at all times', E],
      ['A persistent volume for ML model files', E],
      ['Prometheus scrapes', E],
      ['# values for flask-app in dev-flask-app', E],
    ]);
    const r = await result;
    expect(r.kind).toBe('completed');
    expect(r.kind === 'completed' && r.answers).toMatchObject<Partial<Answers>>({
      environment: 'dev',
      namespace: 'dev-flask-app',
      scaling: { mode: 'fixed', replicas: 2 },
    });
  });

  test('facts still coming: nothing is asked until they arrive, then the unreachable cluster offers render only', async () => {
    const t = lineTerminal();
    let arrive: (f: PreflightFacts) => void = () => {};
    const pending = new Promise<PreflightFacts>((resolve) => {
      arrive = resolve;
    });
    const result = runPlainWizard({}, { preflight: pending, reviewText: fakeReviewText, ...t.streams });
    await tick(50);
    expect(t.all()).not.toContain('kube context');
    expect(t.all()).not.toContain('How do you want to go on?');
    arrive(UNREACHABLE);
    await walk(t, [
      ['cluster:      not reachable: connection refused', ''],
      ['❯ Render only', E],
      ['Sets sensible defaults', KEY.ctrlC],
    ]);
    expect(await result).toEqual({ kind: 'cancelled' });
  });

  test('an invalid answer is refused with message and hint, and asked again', async () => {
    const t = lineTerminal();
    const result = runPlainWizard(
      { environment: 'dev' },
      { preflight: REACHABLE_DEV, reviewText: fakeReviewText, ...t.streams },
    );
    await walk(t, [
      ['kube context', E],
      ['The Kubernetes namespace', 'Bad_NS', E],
      ['is not a valid namespace', KEY.backspace.repeat(6), 'team-a', E],
      ['Helm tracks the installation', KEY.ctrlC],
    ]);
    expect(await result).toEqual({ kind: 'cancelled' });
    expect(t.all()).toContain('a namespace is at most 63');
  });

  test('typing < goes back one question', async () => {
    const t = lineTerminal();
    const result = runPlainWizard(
      { environment: 'dev' },
      { preflight: REACHABLE_DEV, reviewText: fakeReviewText, ...t.streams },
    );
    await walk(t, [
      ['kube context', E],
      ['The Kubernetes namespace', 'team-a', E],
      ['Helm tracks the installation', '<', E],
      ['The Kubernetes namespace', KEY.ctrlC],
    ]);
    expect(await result).toEqual({ kind: 'cancelled' });
  });

  test('prod: banner line, no plain-HTTP choice, typed confirmation, typed password out-of-band', async () => {
    const t = lineTerminal();
    const initial: Partial<Answers> = {
      environment: 'prod',
      namespace: 'prod-flask-app',
      release: 'shop',
      image: { repository: 'acme/shop', tag: '7' },
      redis: { mode: 'none' },
      scaling: { mode: 'autoscale', min: 3, max: 20 },
      storage: { enabled: false },
      monitoring: true,
    };
    const result = runPlainWizard(initial, { preflight: PROD_CONTEXT, reviewText: fakeReviewText, ...t.streams });
    await walk(t, [
      ['PRODUCTION cluster: context gke-prod-eu-1', E],
      ['Where the app keeps its data', '2', E],
      ['Database host', 'pg.internal', E],
      ['Database port', E],
      ['Database name', E],
      ['Database user', E],
      ['Database password', '2', E],
      ['Typed once, hidden', 's3cret', E],
      ['An Ingress gives the app', '1', E],
      ['Hostname', 'shop.example.com', E],
      ['Ingress class', E],
      ['Production always serves HTTPS', E],
      ['ClusterIssuer', E],
      ['TLS Secret name', E],
      ['type the namespace prod-flask-app', 'prod', E],
      ['does not match the namespace', E],
      ['type the namespace prod-flask-app', 'prod-flask-app', E],
    ]);
    const r = await result;
    expect(r.kind === 'completed' && r.secrets).toEqual({
      database: { secretName: String(presetFor('prod', 'shop')['db-secret']), key: 'password', password: 's3cret' },
    });
    expect(t.all()).not.toContain('s3cret');
    expect(t.all()).not.toContain('No TLS');
    expect(t.all()).toContain('== Ingress [prod] — PRODUCTION, changes here affect real users ==');
  });

  test('NO_COLOR in the CLI environment wins, even where the process forces colour', async () => {
    // node:util styleText (inquirer's colours) reads the process's own FORCE_COLOR/NO_COLOR.
    const saved = process.env.FORCE_COLOR;
    process.env.FORCE_COLOR = '1';
    onTestFinished(() => {
      if (saved === undefined) delete process.env.FORCE_COLOR;
      else process.env.FORCE_COLOR = saved;
    });
    const colour = new RegExp(`${String.fromCharCode(27)}\\[(3[0-7]|9[0-7])m`);
    for (const [env, coloured] of [
      [{}, true],
      [{ NO_COLOR: '1' }, false],
    ] as const) {
      const t = lineTerminal();
      const result = runPlainWizard({}, { preflight: REACHABLE_DEV, reviewText: fakeReviewText, env, ...t.streams });
      await walk(t, [
        ['kube context', E],
        ['Sets sensible defaults', KEY.ctrlC],
      ]);
      expect(await result).toEqual({ kind: 'cancelled' });
      expect(colour.test(t.raw())).toBe(coloured);
    }
  });
});
