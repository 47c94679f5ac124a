// The run screen's state: a pure reducer over the pipeline's RunEvents. Finished lines
// move to `done` (rendered once, in <Static>); the live area keeps only what is still
// changing, so the frame stays short and does not flicker.
import type { PodProblem, Verdict } from '../../rollout/classify.js';
import {
  type ClusterEvent,
  type DiffLine,
  type ForwardState,
  type RunEvent,
  STEP_TITLES,
  type StepId,
  type WorkloadProgress,
} from '../../rollout/events.js';

export type DoneLine =
  | { id: number; kind: 'step'; status: 'done' | 'failed' | 'skipped'; title: string; detail?: string }
  | { id: number; kind: 'check'; level: 'ok' | 'warn' | 'error'; message: string; hint?: string }
  | { id: number; kind: 'diff'; line: DiffLine }
  | { id: number; kind: 'note'; text: string };

export interface RunState {
  title: string;
  done: DoneLine[];
  running: { step: StepId; title: string } | undefined;
  lastLog: string | undefined;
  workloads: WorkloadProgress[];
  problems: PodProblem[];
  events: ClusterEvent[];
  verdict: Verdict | undefined;
  forward: ForwardState | undefined;
  result: Extract<RunEvent, { type: 'result' }> | undefined;
  confirm: { question: string; typed?: string } | undefined;
  nextId: number;
}

export function initialRunState(title: string): RunState {
  return {
    title,
    done: [],
    running: undefined,
    lastLog: undefined,
    workloads: [],
    problems: [],
    events: [],
    verdict: undefined,
    forward: undefined,
    result: undefined,
    confirm: undefined,
    nextId: 0,
  };
}

export type RunAction =
  | { type: 'event'; event: RunEvent }
  | { type: 'confirm-open'; question: string; typed?: string }
  | { type: 'confirm-close' };

type DoneInput = DoneLine extends infer L ? (L extends DoneLine ? Omit<L, 'id'> : never) : never;

function push(s: RunState, ...lines: DoneInput[]): RunState {
  const done = [...s.done];
  let id = s.nextId;
  for (const l of lines) done.push({ ...l, id: id++ } as DoneLine);
  return { ...s, done, nextId: id };
}

export function runReducer(s: RunState, a: RunAction): RunState {
  if (a.type === 'confirm-open')
    return { ...s, confirm: { question: a.question, ...(a.typed !== undefined ? { typed: a.typed } : {}) } };
  if (a.type === 'confirm-close') return { ...s, confirm: undefined };
  const e = a.event;
  switch (e.type) {
    case 'step-start':
      return { ...s, running: { step: e.step, title: e.title }, lastLog: undefined };
    case 'step-done':
      return {
        ...push(s, {
          kind: 'step',
          status: 'done',
          title: STEP_TITLES[e.step],
          ...(e.detail ? { detail: e.detail } : {}),
        }),
        running: s.running?.step === e.step ? undefined : s.running,
      };
    case 'step-skipped':
      return push(s, { kind: 'step', status: 'skipped', title: STEP_TITLES[e.step], detail: e.reason });
    case 'step-failed':
      return {
        ...push(s, { kind: 'step', status: 'failed', title: STEP_TITLES[e.step], detail: e.cause.message }),
        running: s.running?.step === e.step ? undefined : s.running,
      };
    case 'log':
      return { ...s, lastLog: e.line };
    case 'check':
      return push(s, { kind: 'check', level: e.level, message: e.message, ...(e.hint ? { hint: e.hint } : {}) });
    case 'pods':
      return { ...s, workloads: e.workloads, problems: e.problems };
    case 'cluster-events':
      return { ...s, events: e.events };
    case 'verdict':
      return { ...s, verdict: e.verdict };
    case 'diff':
      return push(s, ...e.lines.map((line) => ({ kind: 'diff' as const, line })), {
        kind: 'note',
        text: `${e.added} line(s) added, ${e.removed} removed`,
      });
    case 'forward':
      // The restart hint must outlive the live area, which the result replaces.
      return e.state.phase === 'stopped'
        ? {
            ...push(s, { kind: 'note', text: `port-forward stopped; restart it with: ${e.state.restart}` }),
            forward: undefined,
          }
        : { ...s, forward: e.state };
    case 'url':
      return s;
    case 'release':
      return push(s, {
        kind: 'note',
        text: `release ${e.release} in ${e.namespace}: revision ${e.revision}, ${e.status}`,
      });
    case 'result':
      return { ...s, result: e, running: undefined };
  }
}
