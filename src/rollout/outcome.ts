// How a failed or interrupted run ends, decided from what happened and where the
// release settled. Pure, so every ending is unit-tested.

import type { RunResult } from '../kube/runner.js';
import type { Verdict } from './classify.js';
import { EXIT, type FailureCause, type RunEvent } from './events.js';
import type { Before, Settled } from './release-state.js';

export type Stop =
  | { kind: 'verdict'; cause: FailureCause }
  | { kind: 'helm-failed'; cause: FailureCause }
  | { kind: 'interrupt' };

export interface Ending {
  release: string;
  stop: Stop;
  settled: Settled;
  before: Before;
  restored: boolean;
}

export function endingEvent(e: Ending): Extract<RunEvent, { type: 'result' }> {
  const { settled, stop } = e;
  const file = e.restored ? '; the override file was restored' : '';
  if (stop.kind === 'interrupt') {
    const state =
      settled.kind === 'deployed'
        ? `deployed at revision ${settled.revision}`
        : settled.kind === 'absent'
          ? 'not installed'
          : settled.message;
    return {
      type: 'result',
      outcome: 'interrupted',
      exitCode: EXIT.interrupted,
      summary: `interrupted; release ${e.release} is ${state}${file}`,
    };
  }
  const cause = stop.cause;
  if (settled.kind === 'stuck') {
    return {
      type: 'result',
      outcome: 'failed',
      exitCode: EXIT.failure,
      summary: `${cause.message}, and the release could not be settled: ${settled.message}`,
      cause,
    };
  }
  // helm gave up before it changed anything (a render or validation error): not a rollback.
  const untouched =
    stop.kind === 'helm-failed' &&
    (settled.kind === 'deployed'
      ? e.before.existed && !settled.changed && settled.revision === e.before.revision
      : !e.before.existed && !cause.message.includes('uninstalled'));
  if (untouched) {
    return {
      type: 'result',
      outcome: 'failed',
      exitCode: EXIT.failure,
      summary: `${cause.message}; nothing was changed in the cluster${file}`,
      cause,
    };
  }
  if (settled.kind === 'absent') {
    return {
      type: 'result',
      outcome: 'uninstalled',
      exitCode: EXIT.rolledBack,
      summary: `${cause.message}; the failed first install was uninstalled${file}`,
      cause,
    };
  }
  return {
    type: 'result',
    outcome: 'rolled-back',
    exitCode: EXIT.rolledBack,
    summary: `${cause.message}; rolled back: ${e.release} is deployed with the previous values (revision ${settled.revision})${file}`,
    cause,
  };
}

export function causeOf(v: Verdict, logs: string[], namespace: string): FailureCause {
  return { message: v.summary, hint: hintFor(v, namespace), verdict: v, ...(logs.length ? { logs } : {}) };
}

function hintFor(v: Verdict, namespace: string): string {
  switch (v.reason) {
    case 'CrashLoopBackOff':
      return `the app exits at start; its logs: kubectl logs -n ${namespace} ${v.object.name} --previous`;
    case 'OOMKilled':
      return 'raise resources.limits.memory (or find what eats the memory)';
    case 'ErrImagePull':
    case 'ImagePullBackOff':
    case 'InvalidImageName':
      return 'check --image (repository and tag) and that the cluster can reach the registry';
    case 'CreateContainerConfigError':
      return 'create the Secret/ConfigMap it names, or fix the name in your answers';
    case 'Unschedulable':
      return 'the cluster lacks room: lower resources or replicas, or add nodes';
    case 'HookJobFailed':
      return `read its logs: kubectl logs -n ${namespace} job/${v.object.name}`;
    default:
      return `look at: kubectl get events -n ${namespace}`;
  }
}

/** Helm's own last words, without the "Error: " prefix. */
export function helmFailure(r: Pick<RunResult, 'stderr' | 'exitCode'>): string {
  const lines = r.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const last = lines.filter((l) => l.startsWith('Error:')).pop() ?? lines.pop() ?? `helm exited with ${r.exitCode}`;
  return last.replace(/^Error:\s*/, '');
}
