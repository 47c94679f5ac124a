import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../../../../src/rollout/classify.js';
import { type RunEvent, stepStart } from '../../../../src/rollout/events.js';
import { RunScreen } from '../../../../src/ui/run/run-screen.js';
import { initialRunState, runReducer } from '../../../../src/ui/run/run-state.js';
import { createRunStore } from '../../../../src/ui/run/run-store.js';

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI colour codes
const plain = (s: string | undefined) => (s ?? '').replace(/\u001b\[[0-9;]*m/g, '');

async function waitForFrame(lastFrame: () => string | undefined, ok: (f: string) => boolean): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const f = plain(lastFrame());
    if (ok(f)) return f;
    await tick(10);
  }
  throw new Error(`frame never matched:\n${plain(lastFrame())}`);
}

const verdict: Verdict = {
  reason: 'CrashLoopBackOff',
  object: { kind: 'Pod', name: 'fa-flask-app-7c9d-x2x4p' },
  container: 'flask-app',
  restarts: 4,
  summary: 'container flask-app of pod fa-flask-app-7c9d-x2x4p keeps crashing (CrashLoopBackOff after 4 restarts)',
};
const crash: RunEvent = { type: 'verdict', verdict };

afterEach(cleanup);

describe('run state reducer', () => {
  it('moves finished steps to the static part and clears the running one', () => {
    let s = initialRunState('install');
    s = runReducer(s, { type: 'event', event: stepStart('apply') });
    expect(s.running?.step).toBe('apply');
    s = runReducer(s, { type: 'event', event: { type: 'step-done', step: 'apply' } });
    expect(s.running).toBeUndefined();
    expect(s.done).toEqual([{ id: 0, kind: 'step', status: 'done', title: 'Apply' }]);
  });
  it('keeps only the newest pods picture and events (the live area stays short)', () => {
    let s = initialRunState('install');
    for (let i = 0; i < 5; i++) {
      s = runReducer(s, {
        type: 'event',
        event: { type: 'pods', workloads: [{ kind: 'Deployment', name: 'fa', ready: i, desired: 5 }], problems: [] },
      });
    }
    expect(s.workloads).toEqual([{ kind: 'Deployment', name: 'fa', ready: 4, desired: 5 }]);
  });
});

describe('RunScreen', () => {
  it('shows steps, pods ready/desired, the newest events, and a failing pod with its reason', async () => {
    const store = createRunStore('upgrade flask-app → dev-flask-app (Helm 4)');
    const { lastFrame } = render(<RunScreen store={store} onInterrupt={() => {}} />);
    store.dispatch({ type: 'event', event: { type: 'step-done', step: 'preflight', detail: 'all checks passed' } });
    store.dispatch({ type: 'event', event: stepStart('rollout') });
    store.dispatch({
      type: 'event',
      event: {
        type: 'pods',
        workloads: [{ kind: 'Deployment', name: 'fa-flask-app', ready: 1, desired: 2 }],
        problems: [{ pod: 'fa-flask-app-7c9d-x2x4p', container: 'flask-app', reason: 'CrashLoopBackOff', restarts: 4 }],
      },
    });
    store.dispatch({
      type: 'event',
      event: {
        type: 'cluster-events',
        events: [
          {
            object: 'Pod/fa-flask-app-7c9d-x2x4p',
            reason: 'BackOff',
            message: 'Back-off restarting failed container',
            type: 'Warning',
          },
        ],
      },
    });
    store.dispatch({ type: 'event', event: crash });
    const f = await waitForFrame(lastFrame, (x) => x.includes('rolling back'));
    expect(f).toContain('upgrade flask-app → dev-flask-app (Helm 4)');
    expect(f).toContain('✔ Preflight checks (all checks passed)');
    expect(f).toContain('Rollout…');
    expect(f).toContain('fa-flask-app 1/2');
    expect(f).toContain('fa-flask-app-7c9d-x2x4p: CrashLoopBackOff (4 restarts)');
    expect(f).toContain('BackOff: Back-off restarting failed container');
  });

  it('ends with the cause, the evidence and the last log lines', async () => {
    const store = createRunStore('upgrade');
    const { lastFrame } = render(<RunScreen store={store} onInterrupt={() => {}} />);
    store.dispatch({
      type: 'event',
      event: {
        type: 'result',
        outcome: 'rolled-back',
        exitCode: 3,
        summary:
          'container flask-app keeps crashing; rolled back: fa is deployed with the previous values (revision 4)',
        cause: {
          message: 'x',
          hint: 'read the logs',
          verdict,
          logs: ['Traceback (most recent call last):', 'KeyError: DATABASE_URL'],
        },
      },
    });
    const f = await waitForFrame(lastFrame, (x) => x.includes('rolled back'));
    expect(f).toContain('✖ container flask-app keeps crashing; rolled back');
    expect(f).toContain('evidence: pod fa-flask-app-7c9d-x2x4p (container flask-app), CrashLoopBackOff');
    expect(f).toContain('KeyError: DATABASE_URL');
    expect(f).toContain('→ read the logs');
  });

  it('Ctrl-C interrupts (Ink reads it as a key in raw mode)', async () => {
    const store = createRunStore('install');
    const onInterrupt = vi.fn();
    const { stdin } = render(<RunScreen store={store} onInterrupt={onInterrupt} />);
    await tick();
    stdin.write('\u0003');
    for (let i = 0; i < 100 && onInterrupt.mock.calls.length === 0; i++) await tick(10);
    expect(onInterrupt).toHaveBeenCalledOnce();
  });

  it('asks y/N in the screen; Enter means no', async () => {
    const store = createRunStore('upgrade');
    const { stdin, lastFrame } = render(<RunScreen store={store} onInterrupt={() => {}} />);
    await tick();
    const yes = store.ask({ question: 'Upgrade fa in dev-flask-app?' });
    await waitForFrame(lastFrame, (f) => f.includes('[y/N]'));
    stdin.write('y');
    expect(await yes).toBe(true);
    const no = store.ask({ question: 'Again?' });
    await waitForFrame(lastFrame, (f) => f.includes('Again?'));
    stdin.write('\r');
    expect(await no).toBe(false);
  });

  it('production needs the namespace typed exactly', async () => {
    const store = createRunStore('upgrade');
    const { stdin, lastFrame } = render(<RunScreen store={store} onInterrupt={() => {}} />);
    await tick();
    const answer = store.ask({
      question: 'Type the namespace (prod-flask-app) to upgrade production',
      typed: 'prod-flask-app',
    });
    await waitForFrame(lastFrame, (f) => f.includes('Type the namespace'));
    for (const ch of 'prod-flask-app') {
      stdin.write(ch);
      await tick();
    }
    await waitForFrame(lastFrame, (f) => f.includes('prod-flask-app') && f.split('prod-flask-app').length > 2);
    stdin.write('\r');
    expect(await answer).toBe(true);
  });
});
