import { describe, expect, test } from 'vitest';
import { presetFor } from '../../../../src/domain/presets.js';
import { questionFor } from '../../../../src/ui/wizard/questions.js';
import { visibleGroups } from '../../../../src/ui/wizard/steps.js';
import {
  askContext,
  initWizard,
  stepContext,
  type WizardAction,
  type WizardState,
  wizardReducer,
} from '../../../../src/ui/wizard/wizard-state.js';
import { DEV_ANSWERS } from '../../../helpers/answers.js';
import { answerFor, driveTo } from '../../../helpers/drive.js';

const run = (s: WizardState, ...actions: WizardAction[]) => actions.reduce(wizardReducer, s);
const answer = (value: string): WizardAction => ({ type: 'answer', value });

describe('wizard reducer', () => {
  test('starts on preflight and walks the dev defaults to review', () => {
    let s = initWizard({ canTypeSecrets: true });
    expect(s.step).toBe('preflight');
    s = run(s, { type: 'preflight', choice: 'continue' });
    const seen: string[] = [];
    while (s.step !== 'review') {
      seen.push(s.step);
      s = wizardReducer(s, answer(answerFor(s, {})));
    }
    expect(seen).toEqual([
      'environment',
      'namespace',
      'release',
      'image',
      'database',
      'redis',
      'ingress',
      'scaling',
      'replicas',
      'storage',
      'monitoring',
    ]);
    s = run(s, { type: 'review', choice: 'confirm' });
    expect(s.outcome).toEqual({
      kind: 'completed',
      passwords: {},
      answers: DEV_ANSWERS,
    });
  });

  test('external database sub-steps appear only when external is chosen', () => {
    const sub = driveTo('database', { environment: 'dev' });
    expect(run(sub, answer('subchart')).step).toBe('redis');
    const ext = run(sub, answer('external'));
    expect(ext.step).toBe('db-host');
    expect(visibleGroups(ext.draft, ext.fixed, stepContext(ext))).toContain('database');
  });

  test('an invalid answer keeps the step and reports message and hint; the next valid one clears it', () => {
    const s = driveTo('namespace');
    const bad = run(s, answer('Bad_NS'));
    expect(bad.step).toBe('namespace');
    expect(bad.error?.message).toContain('not a valid namespace');
    expect(bad.error?.hint).toContain('lowercase');
    const good = run(bad, answer('team-a'));
    expect(good.step).toBe('release');
    expect(good.error).toBeNull();
    expect(good.draft.namespace).toBe('team-a');
  });

  test('back returns to the previous asked step and keeps the answers', () => {
    const s = driveTo('image', { namespace: 'team-a' });
    const back = run(s, { type: 'back' }, { type: 'back' });
    expect(back.step).toBe('namespace');
    expect(back.draft.namespace).toBe('team-a');
    expect(questionFor('namespace', back.draft, askContext(back))).toMatchObject({ defaultValue: 'team-a' });
  });

  test('fixed answers (flags / answers file) skip their questions and the step count shrinks', () => {
    const s = driveTo(
      'image',
      {},
      {
        canTypeSecrets: true,
        initial: { environment: 'staging', namespace: 'stg', release: 'web' },
      },
    );
    expect(s.history).toEqual(['preflight']);
    expect(visibleGroups(s.draft, s.fixed, stepContext(s))[0]).toBe('image');
  });

  test('single known keys inside a group skip only those questions', () => {
    const s = driveTo(
      'db-port',
      {},
      {
        canTypeSecrets: true,
        initial: { environment: 'prod' },
        knownKeys: { database: 'external', 'db-host': 'pg.internal', 'db-secret': 'pg-cred' },
      },
    );
    expect(s.history).not.toContain('database');
    expect(s.history).not.toContain('db-host');
    const next = run(s, answer(''), answer(''), answer(''));
    // db-secret known → the password question and the Secret question are skipped.
    expect(next.step).toBe('redis');
  });

  test('a typed password stays out of the draft and comes back out-of-band', () => {
    const s = driveTo('db-password', {
      environment: 'prod',
      'db-host': 'pg.internal',
      'db-credentials': 'typed',
    });
    const after = run(s, answer('s3cr3t!'));
    expect(JSON.stringify(after.draft)).not.toContain('s3cr3t!');
    expect(after.passwords.database).toBe('s3cr3t!');
    expect(after.draft['db-secret']).toBe(presetFor('prod')['db-secret']);
  });

  test('an empty password is refused', () => {
    const s = driveTo('db-password', { environment: 'prod', 'db-host': 'pg.internal', 'db-credentials': 'typed' });
    expect(run(s, answer('')).error?.message).toBe('the password is empty');
  });

  test('no password question when secrets cannot be created (render)', () => {
    const s = driveTo('db-user', { environment: 'prod', 'db-host': 'pg.internal' }, { canTypeSecrets: false });
    expect(run(s, answer('')).step).toBe('db-secret');
  });

  test('production offers no plain-HTTP ingress and refuses it', () => {
    const s = driveTo('tls', { environment: 'prod', 'db-host': 'pg', 'redis-host': 'redis', host: 'app.example.com' });
    const q = questionFor('tls', s.draft, askContext(s));
    expect(q.kind === 'select' && q.choices.map((c) => c.value)).toEqual(['cert-manager', 'secret']);
    expect(run(s, answer('none')).error?.message).toContain('not one of the choices');
  });

  test('prod review needs the namespace typed exactly', () => {
    const s = driveTo('monitoring', {
      environment: 'prod',
      'db-host': 'pg',
      'redis-host': 'redis',
      host: 'app.example.com',
    });
    const review = run(s, answer('yes'));
    expect(review.step).toBe('review');
    const wrong = run(review, { type: 'review', choice: 'confirm', typed: 'prod' });
    expect(wrong.outcome).toBeNull();
    expect(wrong.error?.hint).toContain('type prod-flask-app exactly');
    const ok = run(wrong, { type: 'review', choice: 'confirm', typed: 'prod-flask-app' });
    expect(ok.outcome?.kind).toBe('completed');
  });

  test('render-only chosen on preflight ends as render-only', () => {
    let s = run(initWizard({ canTypeSecrets: true }), { type: 'preflight', choice: 'render-only' });
    while (s.step !== 'review') s = wizardReducer(s, answer(answerFor(s, {})));
    expect(run(s, { type: 'review', choice: 'confirm' }).outcome?.kind).toBe('render-only');
  });

  test('cancel ends with cancelled from anywhere; later actions change nothing', () => {
    const s = run(driveTo('image'), { type: 'cancel' });
    expect(s.outcome).toEqual({ kind: 'cancelled' });
    expect(run(s, answer('x'))).toBe(s);
  });

  test('a password given then abandoned for an existing Secret is not returned', () => {
    const s = driveTo('db-password', { environment: 'prod', 'db-host': 'pg', 'db-credentials': 'typed' });
    let t = run(s, answer('pw1'), { type: 'back' }, { type: 'back' });
    expect(t.step).toBe('db-credentials');
    t = run(t, answer('existing'), answer('pg-secret'));
    while (t.step !== 'review') t = wizardReducer(t, answer(answerFor(t, {})));
    const done = run(t, { type: 'review', choice: 'confirm', typed: 'prod-flask-app' });
    expect(done.outcome?.kind === 'completed' && done.outcome.passwords).toEqual({});
  });
});

describe('remembered answers (the existing values file)', () => {
  test('are asked again, with the remembered answer as the default', () => {
    const init = {
      canTypeSecrets: true,
      remembered: { environment: 'staging', namespace: 'shop-stg', scaling: { mode: 'fixed', replicas: 4 } },
    } as const;
    const s = driveTo('namespace', {}, init);
    expect(s.draft.environment).toBe('staging');
    expect(questionFor('namespace', s.draft, askContext(s))).toMatchObject({ defaultValue: 'shop-stg' });
    const r = driveTo('replicas', {}, init);
    expect(questionFor('replicas', r.draft, askContext(r))).toMatchObject({ defaultValue: '4' });
  });

  test('count only for their environment: switching to prod starts from the prod preset', () => {
    const init = { canTypeSecrets: true, remembered: { environment: 'staging', namespace: 'shop-stg' } } as const;
    const s = driveTo('namespace', { environment: 'prod' }, init);
    expect(questionFor('namespace', s.draft, askContext(s))).toMatchObject({ defaultValue: 'prod-flask-app' });
  });
});
