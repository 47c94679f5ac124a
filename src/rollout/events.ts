// The typed stream every pipeline emits. Screens, the plain-line printer and the
// NDJSON printer all render these same events; tasks never render.

import type { ForwardState } from '../kube/port-forward.js';
import type { PodProblem, Verdict } from './classify.js';
import type { DiffLine } from './manifest-diff.js';

export type StepId =
  | 'preflight'
  | 'image'
  | 'secrets'
  | 'render'
  | 'diff'
  | 'hooks'
  | 'apply'
  | 'rollout'
  | 'test'
  | 'port-forward'
  | 'rollback'
  | 'uninstall'
  | 'status';

export const STEP_TITLES: Record<StepId, string> = {
  preflight: 'Preflight checks',
  image: 'App image',
  secrets: 'Secrets',
  render: 'Render the chart',
  diff: 'Changes',
  hooks: 'Hooks',
  apply: 'Apply',
  rollout: 'Rollout',
  test: 'helm test',
  'port-forward': 'Port-forward',
  rollback: 'Rollback',
  uninstall: 'Uninstall',
  status: 'Status',
};

export interface WorkloadProgress {
  kind: string;
  name: string;
  ready: number;
  desired: number;
}

export interface ClusterEvent {
  object: string;
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
}

/** What went wrong, for the user: one sentence, what to do, and what the cluster showed. */
export interface FailureCause {
  message: string;
  hint?: string;
  verdict?: Verdict;
  /** Last log lines of the failing container. */
  logs?: string[];
}

export type Outcome = 'deployed' | 'rolled-back' | 'uninstalled' | 'failed' | 'interrupted' | 'unchanged' | 'ok';

export type CheckLevel = 'ok' | 'warn' | 'error';

export type RunEvent =
  | { type: 'step-start'; step: StepId; title: string }
  | { type: 'step-done'; step: StepId; detail?: string }
  | { type: 'step-skipped'; step: StepId; reason: string }
  | { type: 'step-failed'; step: StepId; cause: FailureCause }
  | { type: 'log'; step: StepId; line: string }
  | { type: 'check'; id: string; level: CheckLevel; message: string; hint?: string }
  | { type: 'pods'; workloads: WorkloadProgress[]; problems: PodProblem[] }
  | { type: 'cluster-events'; events: ClusterEvent[] }
  | { type: 'verdict'; verdict: Verdict }
  | { type: 'diff'; lines: DiffLine[]; added: number; removed: number }
  | { type: 'forward'; state: ForwardState }
  | { type: 'url'; url: string }
  | { type: 'release'; release: string; namespace: string; revision: number; status: string }
  | { type: 'result'; outcome: Outcome; exitCode: number; summary: string; cause?: FailureCause };

export type { ForwardState } from '../kube/port-forward.js';
// Defined beside their producers (kube/port-forward.ts, rollout/manifest-diff.ts) so the
// lower floors never import the event vocabulary; part of it all the same.
export type { DiffLine } from './manifest-diff.js';

/**
 * Where a run's events go: the Ink run screen, plain lines or NDJSON (ui/run/open-run.ts).
 * Pipelines push into it and never know which.
 */
export interface EventSink {
  (e: RunEvent): void;
  /** Finishes the display (unmounts Ink); safe to call twice. */
  close(): Promise<void>;
  /** Asks inside the display (the Ink screen); absent for line output. */
  confirm?: (q: { question: string; typed?: string }) => Promise<boolean>;
}

export const EXIT = { ok: 0, failure: 1, usage: 2, rolledBack: 3, interrupted: 130 } as const;

export function stepStart(step: StepId): RunEvent {
  return { type: 'step-start', step, title: STEP_TITLES[step] };
}
