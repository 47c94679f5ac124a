import { describe, expect, it } from 'vitest';
import { parseHistory } from '../../../src/kube/helm/release-history.js';
import { beforeFrom, type History, settleAction } from '../../../src/rollout/release-state.js';

// `helm history -o json` as Helm 3.17 and 4.1 print it.
const HISTORY_JSON =
  '[{"revision":1,"updated":"2026-11-24T13:44:45Z","status":"superseded","chart":"flask-app-0.1.0","app_version":"1.0.0","description":"Install complete"},' +
  '{"revision":2,"updated":"2026-11-24T13:44:55Z","status":"failed","chart":"flask-app-0.1.0","app_version":"1.0.0","description":"Upgrade \\"fa\\" failed: context canceled"},' +
  '{"revision":3,"updated":"2026-11-24T13:45:00Z","status":"deployed","chart":"flask-app-0.1.0","app_version":"1.0.0","description":"Rollback to 1"}]';

const h = (...rows: [number, string, string?][]): History => ({
  exists: true,
  revisions: rows.map(([revision, status, description]) => ({ revision, status, description: description ?? '' })),
});

describe('parseHistory', () => {
  it('reads helm history JSON in revision order', () => {
    expect(parseHistory(HISTORY_JSON).map((r) => [r.revision, r.status])).toEqual([
      [1, 'superseded'],
      [2, 'failed'],
      [3, 'deployed'],
    ]);
    expect(parseHistory('garbage')).toEqual([]);
  });
});

describe('settleAction', () => {
  const upgradeBefore = beforeFrom(h([1, 'superseded'], [2, 'deployed', 'Upgrade complete']));

  it('remembers the last good revision', () => {
    expect(upgradeBefore).toEqual({ existed: true, revision: 2, good: 2 });
    expect(beforeFrom({ exists: false })).toEqual({ existed: false, revision: 0 });
  });
  it('helm rolled back by itself: settled, deployed at the rollback revision', () => {
    const now = h([1, 'superseded'], [2, 'superseded'], [3, 'failed'], [4, 'deployed', 'Rollback to 2']);
    expect(settleAction(upgradeBefore, now, false)).toEqual({
      kind: 'done',
      state: 'deployed',
      revision: 4,
      changed: true,
    });
  });
  it('left pending-upgrade (helm killed): roll back to the last good revision ourselves', () => {
    const now = h([1, 'superseded'], [2, 'deployed'], [3, 'pending-upgrade']);
    expect(settleAction(upgradeBefore, now, false)).toEqual({ kind: 'rollback', to: 2 });
  });
  it('failed without rollback (no atomic in effect): roll back ourselves', () => {
    const now = h([1, 'superseded'], [2, 'deployed'], [3, 'failed']);
    expect(settleAction(upgradeBefore, now, false)).toEqual({ kind: 'rollback', to: 2 });
  });
  it('an upgrade that completed just as we interrupted it is rolled back too', () => {
    const now = h([1, 'superseded'], [2, 'superseded'], [3, 'deployed', 'Upgrade complete']);
    expect(settleAction(upgradeBefore, now, false)).toEqual({ kind: 'rollback', to: 2 });
    expect(settleAction(upgradeBefore, now, true)).toMatchObject({ kind: 'done', revision: 3 });
  });
  it('first install: gone is settled; pending-install or failed gets uninstalled', () => {
    const fresh = beforeFrom({ exists: false });
    expect(settleAction(fresh, { exists: false }, false)).toEqual({ kind: 'done', state: 'absent' });
    expect(settleAction(fresh, h([1, 'pending-install']), false)).toEqual({ kind: 'uninstall' });
    expect(settleAction(fresh, h([1, 'failed']), false)).toEqual({ kind: 'uninstall' });
    expect(settleAction(fresh, h([1, 'uninstalling']), false)).toEqual({ kind: 'wait' });
  });
  it('nothing changed (helm failed before applying): settled at the same revision', () => {
    expect(settleAction(upgradeBefore, h([1, 'superseded'], [2, 'deployed']), false)).toEqual({
      kind: 'done',
      state: 'deployed',
      revision: 2,
      changed: false,
    });
  });
});
