// Start-up, in one place. The budget (medians of `node bench/startup.mjs`, which times
// this tree against the merge-base with main in one run):
//   --help / --version        <= 100 ms   only commander and program.ts are compiled
//   first wizard frame        <= 200 ms   in a pseudo-terminal, no cluster configured
// What holds it, and where:
// - the bundle is split in chunks (scripts/build.mjs): --help never compiles a screen,
//   a pipeline or execa; cli/main.ts imports each command module only when it runs;
// - the wizard's probes (helm and kubectl versions, the current context) start here,
//   before the screens are compiled, on a small node:child_process runner
//   (kube/probe-runner.ts), and wait for the first frame before they spawn
//   (ui/screens/first-frame.ts): each is a Go program that keeps a core busy for tens of
//   milliseconds, and on 2 cores they slowed the first frame by a third;
// - execa loads on first use, after the first frame (lazyRunner below);
// - helm's and kubectl's versions are remembered per binary (kube/version-cache.ts), so
//   a warm start runs no process just to ask;
// - the chart's values schema is precompiled at build time (scripts/build/);
// - two build-time patches of third-party source (scripts/build-patches.mjs) keep
//   yoga-layout's fetch probe (~20 ms, loads undici) and string-width's RGI emoji regex
//   (~16 ms) out of the first frame.
import type { Child, Runner } from '../kube/runner.js';
import type { PreflightFacts } from '../ui/wizard/contract.js';
import type { KubeOptions } from './context.js';

/** The wizard's first screen needs helm/kubectl/cluster facts: start finding them now. */
export function startWizardProbes(
  o: KubeOptions,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
): Promise<PreflightFacts> {
  const facts = import('./facts.js').then(async ({ gatherFacts }) => {
    const { probeRunner } = await import('../kube/probe-runner.js');
    return gatherFacts(probeRunner, o, env, signal);
  });
  // Nobody may ever ask (headless after all, or an early usage error): never unhandled.
  facts.catch(() => undefined);
  return facts;
}

export async function loadRunner(verbose: boolean, print: (l: string) => void): Promise<Runner> {
  const { execaRunner, verboseRunner } = await import('../kube/runner.js');
  return verbose ? verboseRunner(execaRunner, print) : execaRunner;
}

/**
 * A Runner that loads execa on first use, so the wizard's first frame does not wait
 * for it. A child spawned before execa is loaded starts as soon as it is (an interrupt
 * or kill asked for in between is delivered then).
 */
export function lazyRunner(verbose: boolean, print: (l: string) => void): Runner {
  let loaded: Runner | undefined;
  let loading: Promise<Runner> | undefined;
  const load = () => {
    loading ??= loadRunner(verbose, print).then((r) => {
      loaded = r;
      return r;
    });
    return loading;
  };
  return {
    run: async (cmd, args, options) => (await load()).run(cmd, args, options),
    spawn: (cmd, args, options) => {
      if (loaded) return loaded.spawn(cmd, args, options);
      let child: Child | undefined;
      let asked: 'interrupt' | 'kill' | undefined;
      const started = load().then((r) => {
        child = r.spawn(cmd, args, options);
        if (asked === 'kill') child.kill();
        else if (asked === 'interrupt') child.interrupt();
        return child;
      });
      return {
        get pid() {
          return child?.pid;
        },
        interrupt: () => {
          if (child) child.interrupt();
          else asked ??= 'interrupt';
        },
        kill: () => {
          if (child) child.kill();
          else asked = 'kill';
        },
        done: started.then((c) => c.done),
      };
    },
  };
}
