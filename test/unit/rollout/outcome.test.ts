import { describe, expect, it } from 'vitest';
import { endingEvent, helmFailure } from '../../../src/rollout/outcome.js';

const cause = { message: 'container flask-app of pod p keeps crashing (CrashLoopBackOff after 4 restarts)' };
const before = { existed: true, revision: 2, good: 2 };

describe('endingEvent', () => {
  it('a verdict rolled back: exit 3, names the cause and the revision', () => {
    const e = endingEvent({
      release: 'fa',
      stop: { kind: 'verdict', cause },
      settled: { kind: 'deployed', revision: 4, changed: true },
      before,
      restored: true,
    });
    expect(e).toMatchObject({ outcome: 'rolled-back', exitCode: 3 });
    expect(e.summary).toContain('CrashLoopBackOff');
    expect(e.summary).toContain('revision 4');
    expect(e.summary).toContain('override file was restored');
  });
  it('a failed first install that got uninstalled: exit 3', () => {
    const e = endingEvent({
      release: 'fa',
      stop: { kind: 'verdict', cause },
      settled: { kind: 'absent' },
      before: { existed: false, revision: 0 },
      restored: false,
    });
    expect(e).toMatchObject({ outcome: 'uninstalled', exitCode: 3 });
  });
  it('Ctrl-C: exit 130 with the final state', () => {
    const e = endingEvent({
      release: 'fa',
      stop: { kind: 'interrupt' },
      settled: { kind: 'deployed', revision: 4, changed: true },
      before,
      restored: false,
    });
    expect(e).toMatchObject({
      outcome: 'interrupted',
      exitCode: 130,
      summary: 'interrupted; release fa is deployed at revision 4',
    });
  });
  it('helm failed before changing anything: exit 1, not a rollback', () => {
    const e = endingEvent({
      release: 'fa',
      stop: { kind: 'helm-failed', cause: { message: 'UPGRADE FAILED: template: bad' } },
      settled: { kind: 'deployed', revision: 2, changed: false },
      before,
      restored: false,
    });
    expect(e).toMatchObject({ outcome: 'failed', exitCode: 1 });
  });
  it('could not settle: exit 1 and says so', () => {
    const e = endingEvent({
      release: 'fa',
      stop: { kind: 'verdict', cause },
      settled: { kind: 'stuck', message: 'release is failed' },
      before,
      restored: false,
    });
    expect(e).toMatchObject({ outcome: 'failed', exitCode: 1 });
    expect(e.summary).toContain('could not be settled');
  });
});

describe('helmFailure', () => {
  it('takes helm’s last Error line', () => {
    expect(
      helmFailure({
        exitCode: 1,
        stderr:
          'Release fa has been cancelled.\nlevel=WARN msg="upgrade failed"\nError: UPGRADE FAILED: release fa failed, and has been rolled back due to rollback-on-failure being set: context canceled',
      }),
    ).toBe(
      'UPGRADE FAILED: release fa failed, and has been rolled back due to rollback-on-failure being set: context canceled',
    );
  });
});
