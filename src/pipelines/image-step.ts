// The `image` step: on a local cluster with the default dev image, build the app image
// and load it into the cluster's node before helm runs, so the first install does not
// end in ImagePullBackOff. Whether it runs is a pure decision; the step itself only
// talks to the injected Runner.
import { LOCAL_IMAGE } from '../domain/presets.js';
import {
  describeCluster,
  type LocalCluster,
  loadCommand,
  planImageLoad,
  type Tool,
  toolsFor,
} from '../kube/image-load.js';
import type { RunResult } from '../kube/runner.js';
import { EXIT, type RunEvent, stepStart } from '../rollout/events.js';
import type { Emit, TaskDeps } from './steps.js';

export type ImageLoadDecision =
  | { type: 'skip' }
  | { type: 'run'; cluster: LocalCluster }
  | { type: 'ask'; cluster: LocalCluster; question: string }
  /** Headless without a flag: never wait for an answer, say what would have helped. */
  | { type: 'hint'; cluster: LocalCluster };

export interface DecisionInput {
  cluster: LocalCluster | null | undefined;
  /** `repository:tag` from the answers. */
  image: string;
  /** `--load-image` (true) / `--no-load-image` (false) / neither. */
  flag: boolean | undefined;
  headless: boolean;
}

export function decideImageLoad(i: DecisionInput): ImageLoadDecision {
  if (!i.cluster || i.image !== LOCAL_IMAGE || i.flag === false) return { type: 'skip' };
  if (i.flag === true) return { type: 'run', cluster: i.cluster };
  if (i.headless) return { type: 'hint', cluster: i.cluster };
  return {
    type: 'ask',
    cluster: i.cluster,
    question: `Build the app image and load it into the ${describeCluster(i.cluster)}?`,
  };
}

export interface ImageTarget {
  cluster: LocalCluster;
  image: string;
  /** Build context holding the app's Dockerfile. */
  appDir: string;
}

function commandsLine(t: ImageTarget): string {
  const plan = planImageLoad({ ...t, available: new Set<Tool>(toolsFor(t.cluster)) });
  if (plan.type !== 'ready') return plan.hint;
  return plan.steps.map((s) => [s.command.cmd, ...s.command.args].join(' ')).join(' && ');
}

/** The step-skipped event when the image is not built here (declined, or headless without a flag). */
export function skippedImage(t: ImageTarget, why: 'declined' | 'headless'): RunEvent {
  const lead =
    why === 'headless' ? 'pass --load-image to build and load it, or run' : 'to build and load it yourself, run';
  return { type: 'step-skipped', step: 'image', reason: `${lead}: ${commandsLine(t)}` };
}

const KEEP_LINES = 15;

/** Builds and loads the image. False when the run must stop (the result is emitted). */
export async function imageStep(t: ImageTarget, deps: TaskDeps, emit: Emit): Promise<boolean> {
  const { runner, signal } = deps;
  emit(stepStart('image'));
  const tools = toolsFor(t.cluster);
  const probes = await Promise.all(tools.map((tool) => runner.run(tool, ['version'], { signal })));
  if (signal.aborted) return interrupted(emit);
  const available = new Set<Tool>(tools.filter((_, i) => probes[i]?.exitCode === 0));
  const plan = planImageLoad({ ...t, available });
  if (plan.type === 'unavailable') {
    const docker = probes[0];
    // Found but not answering is a stopped daemon, not a missing binary: say so.
    const daemonDown = docker !== undefined && !docker.missing && docker.exitCode !== 0;
    const message = daemonDown
      ? `docker does not answer (is the Docker daemon running?): ${lastLine(docker)}`
      : plan.message;
    return unavailable(emit, message, plan.hint);
  }

  for (const s of plan.steps) {
    const tail: string[] = [];
    emit({ type: 'log', step: 'image', line: `$ ${[s.command.cmd, ...s.command.args].join(' ')}` });
    const r = await runner.run(s.command.cmd, s.command.args, {
      signal,
      onLine: (line) => {
        if (!line.trim()) return;
        tail.push(line);
        if (tail.length > KEEP_LINES) tail.shift();
        emit({ type: 'log', step: 'image', line });
      },
    });
    if (signal.aborted) return interrupted(emit);
    if (r.missing) {
      // The probe said it was there; it vanished since. Same advice as when it is absent.
      const gone = planImageLoad({ ...t, available: new Set(tools.filter((x) => x !== s.command.cmd)) });
      return gone.type === 'unavailable'
        ? unavailable(emit, gone.message, gone.hint)
        : unavailable(emit, r.missing.message, r.missing.hint);
    }
    if (r.exitCode !== 0) return failed(emit, t, s.title, r, tail);
  }
  const where = loadCommand(t.cluster, t.image) ? `loaded into the ${describeCluster(t.cluster)}` : 'built';
  emit({ type: 'step-done', step: 'image', detail: `${t.image} ${where}` });
  return true;
}

/** No docker (or loader): a warning with the commands to run instead; the install goes on. */
function unavailable(emit: Emit, message: string, hint: string): true {
  emit({ type: 'check', id: 'image-load', level: 'warn', message, hint });
  emit({ type: 'step-skipped', step: 'image', reason: message });
  return true;
}

function failed(emit: Emit, t: ImageTarget, title: string, r: RunResult, tail: string[]): false {
  const logs = tail.length
    ? tail
    : (r.stderr || r.stdout)
        .split('\n')
        .filter((l) => l.trim())
        .slice(-KEEP_LINES);
  const cause = {
    message: `${title} failed (exit ${r.exitCode})`,
    hint: `fix what the output above says (the Dockerfile is ${t.appDir}/Dockerfile), or pass --no-load-image and --image <registry>/flask-app:<tag>`,
    logs,
  };
  emit({ type: 'step-failed', step: 'image', cause });
  emit({
    type: 'result',
    outcome: 'failed',
    exitCode: EXIT.failure,
    summary: `nothing was applied to the cluster: ${cause.message}`,
    cause,
  });
  return false;
}

function lastLine(r: RunResult): string {
  return (r.stderr || r.stdout).trim().split('\n').pop() ?? '';
}

function interrupted(emit: Emit): false {
  emit({ type: 'step-failed', step: 'image', cause: { message: 'interrupted (Ctrl-C)' } });
  emit({
    type: 'result',
    outcome: 'interrupted',
    exitCode: EXIT.interrupted,
    summary: 'interrupted before anything was applied',
  });
  return false;
}
