import { describe, expect, it } from 'vitest';
import { LOCAL_IMAGE } from '../../../src/domain/presets.js';
import { contextFactsOf, detectLocalCluster, type LocalCluster } from '../../../src/kube/image-load.js';
import type { Child, Runner, RunOptions, RunResult } from '../../../src/kube/runner.js';
import { decideImageLoad, imageStep, skippedImage } from '../../../src/pipelines/image-step.js';
import type { RunEvent } from '../../../src/rollout/events.js';

const kind: LocalCluster = { kind: 'kind', name: 'dev' };
const target = { cluster: kind, image: LOCAL_IMAGE, appDir: '/pkg/app' };

describe('decideImageLoad', () => {
  const base = { cluster: kind, image: LOCAL_IMAGE, flag: undefined, headless: false };
  it('asks in interactive mode on a local cluster with the default image', () => {
    expect(decideImageLoad(base)).toEqual({
      type: 'ask',
      cluster: kind,
      question: 'Build the app image and load it into the kind cluster "dev"?',
    });
  });
  it('does not apply to a non-local context or a custom image', () => {
    expect(decideImageLoad({ ...base, cluster: null })).toEqual({ type: 'skip' });
    expect(decideImageLoad({ ...base, cluster: undefined, flag: true })).toEqual({ type: 'skip' });
    expect(decideImageLoad({ ...base, image: 'registry.internal/flask-app:1.2.0', flag: true })).toEqual({
      type: 'skip',
    });
  });
  it('--load-image runs without asking, also headless; --no-load-image never runs', () => {
    expect(decideImageLoad({ ...base, flag: true })).toEqual({ type: 'run', cluster: kind });
    expect(decideImageLoad({ ...base, flag: true, headless: true })).toEqual({ type: 'run', cluster: kind });
    expect(decideImageLoad({ ...base, flag: false })).toEqual({ type: 'skip' });
    expect(decideImageLoad({ ...base, flag: false, headless: true })).toEqual({ type: 'skip' });
  });
  it('headless without a flag never asks: it prints the commands to run', () => {
    expect(decideImageLoad({ ...base, headless: true })).toEqual({ type: 'hint', cluster: kind });
    expect(skippedImage(target, 'headless')).toEqual({
      type: 'step-skipped',
      step: 'image',
      reason:
        'pass --load-image to build and load it, or run: docker build --tag flask-app:dev --file /pkg/app/Dockerfile /pkg/app && kind load docker-image flask-app:dev --name dev',
    });
  });
});

describe('contextFactsOf (from kubectl config view --minify --output json)', () => {
  it('finds a minikube profile by its extension', () => {
    const view = JSON.stringify({
      clusters: [
        {
          name: 'work',
          cluster: {
            server: 'https://192.168.49.2:8443',
            extensions: [{ extension: { provider: 'minikube.sigs.k8s.io' } }],
          },
        },
      ],
      contexts: [{ name: 'work', context: { cluster: 'work' } }],
    });
    expect(detectLocalCluster(contextFactsOf('work', view))).toEqual({ kind: 'minikube', profile: 'work' });
  });
  it('keeps the context when the view is not JSON', () => {
    expect(contextFactsOf('kind-a', 'oops')).toEqual({ context: 'kind-a' });
    expect(detectLocalCluster(contextFactsOf('prod-eu', '{}'))).toBeNull();
  });
});

type Script = (cmd: string, args: readonly string[], o: RunOptions) => Promise<RunResult> | RunResult;

/** Records every call; the script decides what each one prints and returns. */
function fakeRunner(script: Script): Runner & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    run: async (cmd, args, o = {}) => {
      calls.push([cmd, ...args].join(' '));
      return script(cmd, args, o);
    },
    spawn: (): Child => {
      throw new Error('the image step runs its commands to completion');
    },
  };
}

const ok = (stdout = ''): RunResult => ({ exitCode: 0, stdout, stderr: '' });
const missing = (cmd: string): RunResult => ({
  exitCode: 127,
  stdout: '',
  stderr: '',
  missing: { kind: 'missing-binary', binary: cmd, message: `cannot run ${cmd}: ENOENT`, hint: '' },
});

async function run(runner: Runner, signal = new AbortController().signal) {
  const events: RunEvent[] = [];
  const go = await imageStep(target, { runner, signal }, (e) => events.push(e));
  return { go, events };
}

describe('imageStep', () => {
  it('builds, then loads, streaming every output line as a log event', async () => {
    const runner = fakeRunner((cmd, args, o) => {
      if (args[0] === 'version') return ok();
      o.onLine?.(`${cmd} ${args[0]}: step 1`, 'stdout');
      o.onLine?.('', 'stdout');
      o.onLine?.(`${cmd} ${args[0]}: step 2`, 'stderr');
      return ok();
    });
    const { go, events } = await run(runner);
    expect(go).toBe(true);
    expect(runner.calls).toEqual([
      'docker version',
      'kind version',
      'docker build --tag flask-app:dev --file /pkg/app/Dockerfile /pkg/app',
      'kind load docker-image flask-app:dev --name dev',
    ]);
    expect(events).toEqual([
      { type: 'step-start', step: 'image', title: 'App image' },
      { type: 'log', step: 'image', line: '$ docker build --tag flask-app:dev --file /pkg/app/Dockerfile /pkg/app' },
      { type: 'log', step: 'image', line: 'docker build: step 1' },
      { type: 'log', step: 'image', line: 'docker build: step 2' },
      { type: 'log', step: 'image', line: '$ kind load docker-image flask-app:dev --name dev' },
      { type: 'log', step: 'image', line: 'kind load: step 1' },
      { type: 'log', step: 'image', line: 'kind load: step 2' },
      { type: 'step-done', step: 'image', detail: 'flask-app:dev loaded into the kind cluster "dev"' },
    ]);
  });

  it('docker missing (ENOENT): a warning with the commands to run instead, and the install goes on', async () => {
    const runner = fakeRunner((cmd) => (cmd === 'docker' ? missing(cmd) : ok()));
    const { go, events } = await run(runner);
    expect(go).toBe(true);
    expect(runner.calls).toEqual(['docker version', 'kind version']);
    const warn = events.find((e) => e.type === 'check');
    expect(warn).toMatchObject({ level: 'warn', message: 'docker is not on PATH, so the image cannot be built here' });
    expect(warn?.type === 'check' && warn.hint).toContain(
      'docker build --tag flask-app:dev --file /pkg/app/Dockerfile /pkg/app, then kind load docker-image flask-app:dev --name dev',
    );
    expect(events.at(-1)).toMatchObject({ type: 'step-skipped', step: 'image' });
    expect(events.some((e) => e.type === 'result')).toBe(false);
  });

  it('docker present but its daemon down (`docker version` fails): same warning, no build', async () => {
    const runner = fakeRunner((cmd) => (cmd === 'docker' ? { exitCode: 1, stdout: '', stderr: 'no daemon' } : ok()));
    const { go, events } = await run(runner);
    expect(go).toBe(true);
    expect(runner.calls.some((c) => c.startsWith('docker build'))).toBe(false);
    expect(events.filter((e) => e.type === 'check')).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: 'docker does not answer (is the Docker daemon running?): no daemon',
      }),
    ]);
  });

  it('a failing build fails the step with its last lines and a hint, and loads nothing', async () => {
    const runner = fakeRunner((_cmd, args, o) => {
      if (args[0] === 'version') return ok();
      for (let i = 1; i <= 20; i++) o.onLine?.(`line ${i}`, 'stdout');
      return { exitCode: 1, stdout: '', stderr: 'ERROR: failed to solve' };
    });
    const { go, events } = await run(runner);
    expect(go).toBe(false);
    expect(runner.calls.some((c) => c.startsWith('kind load'))).toBe(false);
    const failed = events.find((e) => e.type === 'step-failed');
    expect(failed?.type === 'step-failed' && failed.cause.message).toBe('build flask-app:dev failed (exit 1)');
    expect(failed?.type === 'step-failed' && failed.cause.logs).toEqual(
      Array.from({ length: 15 }, (_, i) => `line ${i + 6}`),
    );
    expect(failed?.type === 'step-failed' && failed.cause.hint).toContain('/pkg/app/Dockerfile');
    expect(events.at(-1)).toMatchObject({ type: 'result', outcome: 'failed', exitCode: 1 });
    expect(events.at(-1)?.type === 'result' && events.at(-1)).toMatchObject({
      summary: 'nothing was applied to the cluster: build flask-app:dev failed (exit 1)',
    });
  });

  it('passes the AbortSignal to every command and stops on Ctrl-C during the build', async () => {
    const stop = new AbortController();
    const seen: (AbortSignal | undefined)[] = [];
    const runner = fakeRunner((_cmd, args, o) => {
      seen.push(o.signal);
      if (args[0] === 'version') return ok();
      stop.abort();
      return { exitCode: 130, stdout: '', stderr: '', signal: 'SIGINT' };
    });
    const { go, events } = await run(runner, stop.signal);
    expect(go).toBe(false);
    expect(seen.every((s) => s === stop.signal)).toBe(true);
    expect(runner.calls.some((c) => c.startsWith('kind load'))).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'result', outcome: 'interrupted', exitCode: 130 });
  });

  it('Docker Desktop needs only the build', async () => {
    const runner = fakeRunner(() => ok());
    const events: RunEvent[] = [];
    const t = { ...target, cluster: { kind: 'docker-desktop' } as const };
    expect(await imageStep(t, { runner, signal: new AbortController().signal }, (e) => events.push(e))).toBe(true);
    expect(runner.calls).toEqual([
      'docker version',
      'docker build --tag flask-app:dev --file /pkg/app/Dockerfile /pkg/app',
    ]);
    expect(events.at(-1)).toEqual({ type: 'step-done', step: 'image', detail: 'flask-app:dev built' });
  });
});
