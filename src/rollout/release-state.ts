// Where a release stands and what settling it needs, decided from its revisions. Pure:
// the reads (helm history, helm's storage labels) are in pipelines/release-state.ts.
import type { Revision } from '../kube/helm/release-history.js';

export type History = { exists: false } | { exists: true; revisions: Revision[] };

/** Where a release ended up once a run settled it. */
export type Settled =
  | { kind: 'deployed'; revision: number; changed: boolean }
  | { kind: 'absent' }
  | { kind: 'stuck'; message: string };
export function latest(h: History): Revision | undefined {
  return h.exists ? h.revisions[h.revisions.length - 1] : undefined;
}

/** The revision a rollback should return to: the newest one that was deployed successfully. */
export function lastGood(h: History): Revision | undefined {
  if (!h.exists) return undefined;
  return [...h.revisions].reverse().find((r) => r.status === 'deployed' || r.status === 'superseded');
}

export function isPending(status: string | undefined): boolean {
  return status?.startsWith('pending-') ?? false;
}

/** Where the release stood before this run: what "settled" means afterwards. */
export interface Before {
  existed: boolean;
  /** Newest revision number before the run (0 when none). */
  revision: number;
  /** The revision to go back to. */
  good?: number;
}

export function beforeFrom(h: History): Before {
  const top = latest(h);
  const good = lastGood(h);
  return {
    existed: h.exists && top !== undefined,
    revision: top?.revision ?? 0,
    ...(good ? { good: good.revision } : {}),
  };
}

export type SettleAction =
  | { kind: 'done'; state: 'deployed'; revision: number; changed: boolean }
  | { kind: 'done'; state: 'absent' }
  | { kind: 'wait' }
  | { kind: 'rollback'; to: number }
  | { kind: 'uninstall' }
  | { kind: 'stuck'; message: string };

/**
 * After helm exited (on its own or interrupted): what is needed so the release ends
 * deployed with the last good values, or absent if this run was its first install.
 * `keepNew`: the run succeeded and a new deployed revision is what we want.
 */
export function settleAction(before: Before, now: History, keepNew: boolean): SettleAction {
  const top = latest(now);
  if (!top)
    return before.existed
      ? { kind: 'stuck', message: 'the release disappeared during the run' }
      : { kind: 'done', state: 'absent' };
  if (top.status === 'uninstalling') return { kind: 'wait' };
  const isNew = top.revision > before.revision;
  if (top.status === 'deployed') {
    // A rollback makes a new revision too ("Rollback to N"); an upgrade that slipped
    // through just as we interrupted it does not count as settled.
    const slipped = isNew && !keepNew && !/^Rollback to \d+/.test(top.description);
    if (!slipped) return { kind: 'done', state: 'deployed', revision: top.revision, changed: isNew };
  }
  if (before.good !== undefined) return { kind: 'rollback', to: before.good };
  if (!before.existed) return { kind: 'uninstall' };
  return { kind: 'stuck', message: `release is ${top.status} and has no earlier successful revision to return to` };
}
