// The render path: `helm template --output-dir` of the chart with the environment file
// and the override file, into a folder that is replaced on each run. Needs no cluster.
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Answers, Environment } from '../domain/answers.js';
import { UserError } from '../domain/errors.js';
import { displayCommand, helmTemplate, helmUpgradeInstall, type ValuesLayers } from '../kube/helm/args.js';
import type { HelmBin } from '../kube/helm/version.js';
import type { Runner } from '../kube/runner.js';

/** Marks a folder as ours, so a re-run may replace it (and never a folder it did not write). */
const OUTPUT_MARKER = '.flask-helm-wizard-render';

export interface RenderRequest {
  answers: Answers;
  chartDir: string;
  /** The chart as shown in the printed command (e.g. `flask-app`). */
  shownChart: string;
  valuesFile: string;
  shownValuesFile: string;
  outputDir: string;
  extraValues: readonly string[];
  sets: readonly string[];
  timeout: string;
  helm: HelmBin;
  runner: Runner;
  signal?: AbortSignal;
  kubeContext?: string | undefined;
  kubeconfig?: string | undefined;
}

export interface RenderResult {
  outputDir: string;
  files: string[];
  /** Rendered Secret manifests (mode 0600): their generated passwords are throwaway. */
  secretFiles: string[];
  /** The exact command that would install what was rendered. */
  installCommand: string;
}

export async function renderManifests(req: RenderRequest): Promise<RenderResult> {
  await assertReplaceable(req.outputDir);
  const parent = dirname(req.outputDir);
  await mkdir(parent, { recursive: true });
  // Render next to the target, then swap: a failed render leaves the previous folder intact.
  const staging = join(parent, `.${basename(req.outputDir)}.${process.pid}.tmp`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { mode: 0o700 });
  try {
    const values = valuesLayers(req.chartDir, req.answers.environment, req.valuesFile, req);
    const cmd = helmTemplate(req.helm, {
      release: req.answers.release,
      namespace: req.answers.namespace,
      chartDir: req.chartDir,
      values,
      outputDir: staging,
    });
    const r = await req.runner.run(cmd.cmd, cmd.args, req.signal ? { signal: req.signal } : {});
    if (r.missing) throw new UserError({ message: r.missing.message, hint: r.missing.hint }, 1);
    if (r.exitCode !== 0) {
      throw new UserError(
        {
          message: `helm template failed: ${lastLines(r.stderr || r.stdout)}`,
          hint: 'the message above names the value to change; fix it in the values file or the answer that sets it',
        },
        r.exitCode === 130 ? 130 : 1,
      );
    }
    await writeFile(join(staging, OUTPUT_MARKER), 'Rendered by flask-helm-wizard; replaced on each render.\n');
    const files = await listFiles(staging);
    const secretFiles: string[] = [];
    for (const f of files) {
      if (await holdsSecret(join(staging, f))) {
        await chmod(join(staging, f), 0o600);
        secretFiles.push(f);
      }
    }
    await rm(req.outputDir, { recursive: true, force: true });
    await rename(staging, req.outputDir);
    return {
      outputDir: req.outputDir,
      files: files.filter((f) => f !== OUTPUT_MARKER),
      secretFiles,
      installCommand: installCommand(req),
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The environment file, then the override, then one-off `-f`/`--set`: the order every helm call uses. */
export function valuesLayers(
  chart: string,
  environment: Environment,
  overrideFile: string,
  extra: { extraValues: readonly string[]; sets: readonly string[] },
): ValuesLayers {
  return {
    envValuesFile: join(chart, `values-${environment}.yaml`),
    overrideFile,
    extraFiles: extra.extraValues,
    sets: extra.sets,
  };
}

/** `helm upgrade --install …` with both -f files, as the user would type it. */
function installCommand(req: RenderRequest): string {
  const cmd = helmUpgradeInstall(
    req.helm,
    { namespace: req.answers.namespace, kubeContext: req.kubeContext, kubeconfig: req.kubeconfig },
    {
      release: req.answers.release,
      chartDir: req.shownChart,
      values: valuesLayers(req.shownChart, req.answers.environment, req.shownValuesFile, req),
      timeout: req.timeout,
      createNamespace: true,
    },
  );
  return displayCommand(cmd);
}

async function assertReplaceable(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  const s = await stat(dir);
  const entries = s.isDirectory() ? await readdir(dir) : ['(a file)'];
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return;
  throw new UserError(
    {
      message: `--output-dir ${dir} already exists and was not written by flask-helm-wizard`,
      hint: 'the render folder is replaced on each run: pass a new or empty folder with --output-dir',
    },
    2,
  );
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(root, full)));
    else out.push(relative(root, full));
  }
  return out.sort();
}

async function holdsSecret(file: string): Promise<boolean> {
  if (!/\.ya?ml$/.test(file)) return false;
  const text = await readFile(file, 'utf8');
  if (!/^kind:\s*Secret\s*$/m.test(text)) return false;
  return parseAllDocuments(text).some((d) => (d.toJS() as { kind?: unknown } | null)?.kind === 'Secret');
}

function lastLines(text: string, n = 6): string {
  return text.trim().split('\n').slice(-n).join('\n');
}
