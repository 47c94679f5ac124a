// The CLI flow: parse → choose how to talk (Ink / plain / headless) → run the command →
// an exit code. Only the parser is loaded up front; every command module is imported
// when it runs, so `--help` and `--version` stay fast (the start-up budget: startup.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ExitCode, UserError } from '../domain/errors.js';
import { packageRoot } from '../kube/binaries.js';
import { chooseMode } from '../ui/mode.js';
import type { CliContext, CliIO } from './context.js';
import { createOutput, type Output } from './output.js';
import { parseArgs } from './program.js';
import { lazyRunner, loadRunner, startWizardProbes } from './startup.js';

function readVersion(root: string | undefined): string {
  try {
    return (JSON.parse(readFileSync(join(root ?? '.', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

function processIO(): CliIO {
  return { cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<ExitCode> {
  const root = packageRoot();
  const version = readVersion(root);
  let out: Output = createOutput(argv.includes('--json'), io);
  const controller = new AbortController();
  const onSignal = interruptHandler(controller, io.stderr);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const parsed = parseArgs(argv, version, (s) => io.stdout.write(s));
    if (parsed === 'done') return 0;
    const o = parsed.options;
    out = createOutput(o.json === true, io);
    const mode = chooseMode({
      stdinIsTTY: io.stdin.isTTY === true,
      stdoutIsTTY: io.stdout.isTTY === true,
      env: io.env,
      plain: o.plain === true,
      json: o.json === true,
    });
    // Start-up tricks and their budget: startup.ts.
    const wizardMayRun = mode !== 'headless' && ['install', 'upgrade', 'render'].includes(parsed.command);
    if (wizardMayRun) io.stdout.write(`flask-helm-wizard ${version} · looking for helm, kubectl and the cluster…\n`);
    const preflight = wizardMayRun ? startWizardProbes(o, io.env, controller.signal) : undefined;
    const print = (l: string) => io.stderr.write(`${l}\n`);
    const runner = wizardMayRun ? lazyRunner(o.verbose === true, print) : await loadRunner(o.verbose === true, print);
    const ctx: CliContext = {
      ...io,
      command: parsed.command,
      options: o,
      mode,
      out,
      runner,
      signal: controller.signal,
      version,
      packageRoot: root,
      preflight,
    };
    const code = await run(ctx);
    return controller.signal.aborted ? 130 : code;
  } catch (e) {
    if (controller.signal.aborted) {
      out.problems([{ message: 'interrupted', hint: 'nothing was left half-written; run the command again' }], 130);
      return 130;
    }
    return reportError(e, out, argv.includes('--verbose'));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The first SIGINT/SIGTERM aborts the run; the second only explains; the third leaves. */
function interruptHandler(controller: AbortController, stderr: NodeJS.WritableStream): (sig: NodeJS.Signals) => void {
  let interrupts = 0;
  return (sig) => {
    interrupts += 1;
    if (interrupts === 1) {
      controller.abort(new Error(`interrupted (${sig})`));
      return;
    }
    // Leaving now would kill a helm that is rolling back and could strand the
    // release in pending-*: say what is happening, and leave only when asked twice.
    if (interrupts === 2) {
      stderr.write('still settling the release (helm is rolling back); press Ctrl-C again to leave anyway\n');
      return;
    }
    process.exit(130);
  };
}

async function run(ctx: CliContext): Promise<ExitCode> {
  switch (ctx.command) {
    case 'render':
      return (await import('./commands/render.js')).renderCommand(ctx);
    case 'install':
    case 'upgrade':
      return (await import('./commands/install.js')).installCommand(ctx);
    case 'test-chart':
      return (await import('./commands/test-chart.js')).testChartCommand(ctx);
    case 'rollback':
    case 'status':
    case 'port-forward':
    case 'uninstall':
      return (await import('./commands/release.js')).releaseCommand(ctx);
  }
}

function reportError(e: unknown, out: Output, verbose: boolean): ExitCode {
  if (e instanceof UserError) {
    out.problems(e.problems, e.exitCode, e.details);
    return e.exitCode;
  }
  const err = e as Error & { hint?: unknown };
  if (err?.name === 'WizardNeedsTerminalError' && typeof err.hint === 'string') {
    out.problems([{ message: err.message, hint: err.hint }], 2);
    return 2;
  }
  out.problems(
    [
      {
        message: `unexpected error: ${err?.message ?? String(e)}${verbose && err?.stack ? `\n${err.stack}` : ''}`,
        hint: 'run again with --verbose to see each helm/kubectl command; if it persists, report it with that output',
      },
    ],
    1,
  );
  return 1;
}
