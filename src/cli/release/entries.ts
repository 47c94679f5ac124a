// The release pipelines as the CLI calls them (src/main.ts dispatch table): request
// in, exit code out. Each picks its renderer, runs its event stream, and returns the
// exit code of the stream's `result` event.
import { isAbsolute, join, relative } from 'node:path';
import type { ExitCode } from '../../domain/errors.js';
import { UserError } from '../../domain/errors.js';
import { displayCommand, helmUpgradeInstall } from '../../kube/helm/args.js';
import type { LocalCluster } from '../../kube/image-load.js';
import type { KubectlTarget } from '../../kube/kubectl-args.js';
import { openClusterReader } from '../../kube/open-cluster-reader.js';
import { loadToolchain, type Toolchain } from '../../kube/toolchain.js';
import { type UpgradeDiff, upgradeDiff } from '../../pipelines/diff.js';
import { decideImageLoad, imageStep, skippedImage } from '../../pipelines/image-step.js';
import { installOrUpgrade } from '../../pipelines/install.js';
import { syncOverrideToRelease } from '../../pipelines/override-sync.js';
import { kubeTarget, type ReleasePlan } from '../../pipelines/plan.js';
import { portForwardTask } from '../../pipelines/port-forward.js';
import { preflightStep } from '../../pipelines/preflight.js';
import { type ReleaseRef, rollbackTask, statusTask, uninstallTask } from '../../pipelines/release-ops.js';
import { renderStep, type TaskDeps } from '../../pipelines/steps.js';
import { streamOf } from '../../pipelines/stream.js';
import { verifyRelease } from '../../pipelines/verify.js';
import { EXIT, type RunEvent, stepStart } from '../../rollout/events.js';
import type { CliContext, InstallRequest, ReleaseRequest } from '../context.js';
import { chartPaths } from '../inputs.js';
import { askConfirm } from './confirm.js';
import { type EventSink, pump, sinkFor } from './output.js';
import { needsFromAnswers, planFromInstall, secretsToCreate } from './plan-from-request.js';

async function tools(ctx: CliContext, r: InstallRequest | ReleaseRequest): Promise<Toolchain> {
  const t = await loadToolchain(ctx.runner, r, ctx.env);
  if (!t.ok)
    throw new UserError(
      t.errors.map((e) => ({ message: e.message, hint: e.hint })),
      1,
    );
  return t.tools;
}

function asExit(code: number | undefined): ExitCode {
  return code === 0 || code === 1 || code === 2 || code === 3 || code === 130 ? code : 1;
}

/**
 * Runs one stream on a fresh sink; Ctrl-C inside the Ink screen aborts like SIGINT does.
 * Cluster reads go straight to the API when the kubeconfig allows (`cluster`).
 */
async function runWith(
  ctx: CliContext,
  title: string,
  cluster: KubectlTarget,
  make: (deps: TaskDeps, sink: EventSink) => AsyncGenerator<RunEvent>,
): Promise<ExitCode> {
  const local = new AbortController();
  const signal = AbortSignal.any([ctx.signal, local.signal]);
  const verbose = ctx.options.verbose === true;
  const [reader, sink] = await Promise.all([
    openClusterReader(ctx.runner, cluster, ctx.env, verbose ? (l) => ctx.stderr.write(`${l}\n`) : undefined),
    sinkFor(ctx, title, () => local.abort()),
  ]);
  try {
    return asExit(await pump(make({ runner: ctx.runner, signal, reader }, sink), sink));
  } finally {
    reader.close();
    await sink.close();
  }
}

export async function installEntry(request: InstallRequest, ctx: CliContext): Promise<ExitCode> {
  const t = await tools(ctx, request);
  const plan = planFromInstall(request, t);
  const needs = needsFromAnswers(
    request.answers,
    secretsToCreate(request).map((s) => s.name),
  );
  // Interactive dev keeps the forward open (the developer wants the app); --no-verify opts out.
  const keepForward = request.portForward || (ctx.mode !== 'headless' && plan.environment === 'dev' && request.verify);
  const title = `${request.command} ${plan.release} → ${plan.namespace} (Helm ${t.helm.major})`;
  return runWith(ctx, title, plan.kubectl, (deps, sink) =>
    streamOf(async (emit) => {
      // Preflight is one round of quick reads; the upgrade preview (two helm processes)
      // only runs when it found a release to compare with.
      const preflight = await preflightStep(plan, needs, deps, emit);
      if (!preflight.ok) return;
      if (preflight.releaseExists) {
        const diff = await upgradeDiff(plan, deps.runner, deps.signal);
        if (!(await diffAndConfirm(plan, request, ctx, diff, emit, sink))) return;
      }
      if (request.dryRun) {
        if (!(await renderStep(plan, deps, emit))) return;
        const c = helmUpgradeInstall(plan.helm, kubeTarget(plan), { ...plan, createNamespace: true });
        emit({
          type: 'result',
          outcome: 'unchanged',
          exitCode: EXIT.ok,
          summary: `dry run: nothing changed; this would run: ${displayCommand(c)}`,
        });
        return;
      }
      if (!(await imageIfWanted(request, ctx, preflight.localCluster, deps, emit, sink))) return;
      const verifying = request.verify || keepForward;
      let deployed: string | undefined;
      const known = {
        ...(preflight.history ? { history: preflight.history } : {}),
        ...(preflight.picture ? { picture: preflight.picture } : {}),
      };
      for await (const e of installOrUpgrade(plan, deps, known)) {
        // With a verification to follow, the run's one result comes after it.
        if (e.type === 'result' && e.outcome === 'deployed' && verifying) deployed = e.summary;
        else emit(e);
      }
      if (deployed === undefined) return;
      const checks = verifyRelease(plan, deps, {
        test: request.verify,
        forward: { keepOpen: keepForward, preferredPort: request.port ?? 8080 },
      });
      for await (const e of checks) {
        emit(e.type === 'result' && e.exitCode === EXIT.ok ? { ...e, summary: `${deployed}; ${e.summary}` } : e);
      }
    }),
  );
}

/** The `image` step when it applies and is wanted. False: stop (the result is already emitted). */
async function imageIfWanted(
  request: InstallRequest,
  ctx: CliContext,
  cluster: LocalCluster | null | undefined,
  deps: TaskDeps,
  emit: (e: RunEvent) => void,
  sink: EventSink,
): Promise<boolean> {
  const image = `${request.answers.image.repository}:${request.answers.image.tag}`;
  const d = decideImageLoad({ cluster, image, flag: request.loadImage, headless: ctx.mode === 'headless' });
  if (d.type === 'skip') return true;
  // The Dockerfile ships next to the chart in the package (app/), whatever --chart says.
  const target = { cluster: d.cluster, image, appDir: join(ctx.packageRoot ?? ctx.cwd, 'app') };
  const wanted = d.type === 'run' || (d.type === 'ask' && (await askConfirm(ctx, sink, { question: d.question })));
  if (wanted) return imageStep(target, deps, emit);
  // Declined or headless: the install goes on (a Ctrl-C at the prompt is noticed before helm starts).
  emit(skippedImage(target, d.type === 'hint' ? 'headless' : 'declined'));
  return true;
}

/** Shows what the upgrade changes; asks unless --yes. False: stop (the result is already emitted). */
async function diffAndConfirm(
  plan: ReleasePlan,
  request: InstallRequest,
  ctx: CliContext,
  d: UpgradeDiff,
  emit: (e: RunEvent) => void,
  sink: EventSink,
): Promise<boolean> {
  emit(stepStart('diff'));
  if (!d.ok) {
    const cause = { message: d.message, hint: 'fix the value it names; nothing was changed' };
    emit({ type: 'step-failed', step: 'diff', cause });
    emit({ type: 'result', outcome: 'failed', exitCode: EXIT.failure, summary: d.message, cause });
    return false;
  }
  if (d.diff.lines.length > 0)
    emit({ type: 'diff', lines: d.diff.lines, added: d.diff.added, removed: d.diff.removed });
  const detail = d.diff.lines.length
    ? `${d.diff.added} added, ${d.diff.removed} removed line(s)`
    : 'no changes to the manifests';
  emit({ type: 'step-done', step: 'diff', detail });
  if (request.yes || request.dryRun) return true;
  if (ctx.mode === 'headless') {
    throw new UserError(
      { message: `upgrading ${plan.release} needs a confirmation`, hint: 'pass --yes to upgrade without asking' },
      2,
    );
  }
  const prod = plan.environment === 'prod';
  const ok = await askConfirm(
    ctx,
    sink,
    prod
      ? { typed: plan.namespace, question: `Type the namespace (${plan.namespace}) to upgrade production` }
      : { question: `Upgrade ${plan.release} in ${plan.namespace}?` },
  );
  if (!ok)
    emit({
      type: 'result',
      outcome: 'unchanged',
      exitCode: EXIT.interrupted,
      summary: 'cancelled: nothing was changed',
    });
  return ok;
}

function refOf(r: ReleaseRequest, t: Toolchain): ReleaseRef {
  return { release: r.release, namespace: r.namespace, helm: t.helm, kubectl: t.kubectl, timeout: r.timeout };
}

async function confirmed(ctx: CliContext, r: ReleaseRequest, question: string): Promise<boolean> {
  if (r.yes) return true;
  if (ctx.mode === 'headless') {
    throw new UserError(
      { message: `${r.command} needs a confirmation`, hint: 'pass --yes to go ahead without asking' },
      2,
    );
  }
  return askConfirm(
    ctx,
    undefined,
    r.environment === 'prod'
      ? { typed: r.namespace, question: `Type the namespace (${r.namespace}) to ${question}` }
      : { question: `${question}?` },
  );
}

export async function rollbackEntry(r: ReleaseRequest, ctx: CliContext): Promise<ExitCode> {
  const t = await tools(ctx, r);
  if (!(await confirmed(ctx, r, `roll back ${r.release} in ${r.namespace}`))) return 130;
  const ref = refOf(r, t);
  return runWith(ctx, `rollback ${r.release}`, t.kubectl, (deps) =>
    streamOf(async (emit) => {
      for await (const e of rollbackTask(ref, deps, r.revision)) {
        if (e.type !== 'result' || e.exitCode !== EXIT.ok || !r.valuesFile) {
          emit(e);
          continue;
        }
        // The override file must describe what runs now, or the next upgrade undoes the rollback.
        const file = { path: r.valuesFile, shownPath: shown(ctx.cwd, r.valuesFile), chartDir: r.chartDir };
        const synced = await syncOverrideToRelease(ref, deps.runner, {
          ...file,
          shownChart: chartPaths(ctx.options, ctx.cwd, ctx.packageRoot).shownChart,
        });
        const note =
          synced.kind === 'rewritten'
            ? `; ${file.shownPath} now holds the values deployed (the previous file is ${synced.backup})`
            : synced.kind === 'unchanged'
              ? `; ${file.shownPath} was left as it was: ${synced.reason}`
              : '';
        emit({ ...e, summary: `${e.summary}${note}` });
      }
    }),
  );
}

function shown(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : `./${rel}`;
}

export async function statusEntry(r: ReleaseRequest, ctx: CliContext): Promise<ExitCode> {
  const t = await tools(ctx, r);
  return runWith(ctx, `status ${r.release}`, t.kubectl, (deps) => statusTask(refOf(r, t), deps));
}

export async function uninstallEntry(r: ReleaseRequest, ctx: CliContext): Promise<ExitCode> {
  const t = await tools(ctx, r);
  const what = `uninstall ${r.release} from ${r.namespace}${r.deleteData ? ' and delete its data' : ''}`;
  if (!(await confirmed(ctx, r, what))) return 130;
  return runWith(ctx, `uninstall ${r.release}`, t.kubectl, (deps) => uninstallTask(refOf(r, t), deps, r.deleteData));
}

export async function portForwardEntry(r: ReleaseRequest, ctx: CliContext): Promise<ExitCode> {
  const t = await tools(ctx, r);
  const ref = { release: r.release, namespace: r.namespace, kubectl: t.kubectl };
  return runWith(ctx, `port-forward ${r.release}`, t.kubectl, (deps) =>
    portForwardTask(ref, deps, { keepOpen: true, preferredPort: r.port ?? 8080 }),
  );
}
