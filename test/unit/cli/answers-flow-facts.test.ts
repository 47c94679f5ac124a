// The answers flow hands the wizard the probes' promise instead of waiting for it: the
// first frame is up while helm, kubectl and the cluster are still answering.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { obtainAnswers } from '../../../src/cli/answers-flow.js';
import type { CliContext } from '../../../src/cli/context.js';
import { createOutput } from '../../../src/cli/output.js';
import { parseArgs } from '../../../src/cli/program.js';
import type { Runner } from '../../../src/kube/runner.js';
import type { PreflightFacts } from '../../../src/ui/wizard/contract.js';
import { fakeTerminal } from '../../helpers/fake-tty.js';
import { plain, waitForText } from '../../helpers/frames.js';
import { KEY } from '../../helpers/keys.js';
import { UNREACHABLE } from '../../helpers/wizard-fixtures.js';
import { REPO, tempDir } from './helpers.js';

// The probes are the CLI's (ctx.preflight): the flow itself must run nothing.
const noRunner: Runner = {
  run: () => Promise.reject(new Error('the answers flow ran a process')),
  spawn: () => {
    throw new Error('the answers flow spawned a process');
  },
};

// Ink decides once, when it loads, whether it runs in CI (then it draws only the last
// frame, at exit). The CLI never mounts the wizard under CI; this test mounts it
// directly, so it hides CI from Ink, which the flow loads after this runs.
beforeAll(() => {
  vi.stubEnv('CI', undefined);
  vi.stubEnv('CONTINUOUS_INTEGRATION', undefined);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
});

async function contextFor(argv: string[], preflight: Promise<PreflightFacts>) {
  const parsed = parseArgs(argv, '0.0.0', () => undefined);
  if (parsed === 'done') throw new Error('parsed as --help');
  const term = fakeTerminal();
  const controller = new AbortController();
  controllers.push(controller);
  const ctx: CliContext = {
    cwd: await tempDir(),
    env: {},
    ...term.streams,
    command: parsed.command,
    options: parsed.options,
    mode: 'ink',
    out: createOutput(false, { ...term.streams, env: {} }),
    runner: noRunner,
    signal: controller.signal,
    version: '0.0.0',
    packageRoot: REPO,
    preflight,
  };
  // Outside debug mode Ink writes a frame in several pieces: read everything written so far.
  const written = () => term.stdout.frames.join('');
  return { ctx, term, written, frame: () => plain(written()) };
}

describe('the wizard starts before the facts', () => {
  test('render: the first frame shows the facts as checking while the probes have not answered', async () => {
    const never = new Promise<PreflightFacts>(() => {});
    const { ctx, term, written, frame } = await contextFor(['render'], never);
    const outcome = obtainAnswers(ctx, 'render');
    const first = await waitForText(written, 'Before we start');
    expect(first).toContain('checking…');
    expect(first).toContain('❯ Continue');
    term.stdin.write(KEY.ctrlC);
    expect(await outcome).toEqual({ kind: 'cancelled' });
    expect(frame()).toContain('nothing was written');
  });

  test('install: the facts fill in when they arrive, and an unreachable cluster offers render only', async () => {
    let arrive: (f: PreflightFacts) => void = () => {};
    const later = new Promise<PreflightFacts>((resolve) => {
      arrive = resolve;
    });
    const { ctx, term, written } = await contextFor(['install'], later);
    const outcome = obtainAnswers(ctx, 'install');
    const first = await waitForText(written, 'Before we start');
    expect(first).toContain('checking…');
    expect(first).not.toContain('Render only');
    arrive(UNREACHABLE);
    const filled = await waitForText(written, '❯ Render only');
    expect(filled).toContain('not reachable: connection refused');
    term.stdin.write(KEY.ctrlC);
    expect(await outcome).toEqual({ kind: 'cancelled' });
  });
});
