// Every helm command line flask-helm-wizard runs is built here, and this is the only
// module that knows how Helm 3 and Helm 4 differ. Pure: data in, argv out.
//
// The differences (each has a unit test):
// - rollback on failure: Helm 3 `--atomic`; Helm 4 `--rollback-on-failure` (`--atomic`
//   is deprecated on upgrade and removed on install in Helm 4).
// - waiting: Helm 3 `--wait` is a boolean; Helm 4 `--wait` takes a strategy and defaults to
//   `hookOnly` (no waiting at all), so we say `--wait=watcher`.
// - list: Helm 3 shows only deployed/failed unless `--all`; Helm 4 shows every status and
//   has no `--all`.
// - test: `--hide-notes` exists only in Helm 3.
import type { HelmBin } from './version.js';

export interface Command {
  cmd: string;
  args: string[];
}

/** Where a command talks to: the namespace plus optional kubeconfig/context. */
export interface KubeTarget {
  namespace: string;
  kubeContext?: string | undefined;
  kubeconfig?: string | undefined;
}

/**
 * Values in helm's order of precedence (later wins): the environment's values file,
 * then the wizard's override file, then one-off `-f` files, then `--set`s.
 */
export interface ValuesLayers {
  envValuesFile: string;
  overrideFile?: string | undefined;
  extraFiles?: readonly string[];
  sets?: readonly string[];
}

export function valuesArgs(layers: ValuesLayers): string[] {
  const args = ['-f', layers.envValuesFile];
  if (layers.overrideFile) args.push('-f', layers.overrideFile);
  for (const file of layers.extraFiles ?? []) args.push('-f', file);
  for (const set of layers.sets ?? []) args.push('--set', set);
  return args;
}

function targetArgs(target: KubeTarget): string[] {
  const args = ['--namespace', target.namespace];
  if (target.kubeContext) args.push('--kube-context', target.kubeContext);
  if (target.kubeconfig) args.push('--kubeconfig', target.kubeconfig);
  return args;
}

function waitArgs(helm: HelmBin): string[] {
  return helm.major === 4 ? ['--wait=watcher'] : ['--wait'];
}

function rollbackOnFailureArgs(helm: HelmBin): string[] {
  return helm.major === 4 ? ['--rollback-on-failure'] : ['--atomic'];
}

export interface TemplateOptions {
  release: string;
  namespace: string;
  chartDir: string;
  values: ValuesLayers;
  outputDir?: string | undefined;
}

/** `helm template`: needs no cluster (the render path). */
export function helmTemplate(helm: HelmBin, o: TemplateOptions): Command {
  const args = ['template', o.release, o.chartDir, '--namespace', o.namespace, ...valuesArgs(o.values)];
  if (o.outputDir) args.push('--output-dir', o.outputDir);
  return { cmd: helm.path, args };
}

export function helmLint(helm: HelmBin, o: { chartDir: string; values: ValuesLayers; strict?: boolean }): Command {
  const args = ['lint', o.chartDir, ...valuesArgs(o.values)];
  if (o.strict) args.push('--strict');
  return { cmd: helm.path, args };
}

export interface UpgradeOptions {
  release: string;
  chartDir: string;
  values: ValuesLayers;
  /** A Go duration, e.g. `5m0s`. */
  timeout: string;
  createNamespace?: boolean;
}

/**
 * `helm upgrade --install` that waits and rolls back by itself when its wait fails.
 * The wizard interrupts it earlier (SIGINT) when the pod watcher sees a doomed rollout.
 */
export function helmUpgradeInstall(helm: HelmBin, target: KubeTarget, o: UpgradeOptions): Command {
  const args = ['upgrade', '--install', o.release, o.chartDir, ...targetArgs(target)];
  if (o.createNamespace) args.push('--create-namespace');
  args.push(...valuesArgs(o.values), ...rollbackOnFailureArgs(helm), ...waitArgs(helm), '--timeout', o.timeout);
  return { cmd: helm.path, args };
}

/**
 * The render of an upgrade as the server would see it (`lookup` sees live Secrets), as
 * JSON with the manifest; nothing is persisted. Used for the upgrade diff.
 */
export function helmUpgradeDryRun(
  helm: HelmBin,
  target: KubeTarget,
  o: Omit<UpgradeOptions, 'timeout' | 'createNamespace'>,
): Command {
  const args = ['upgrade', o.release, o.chartDir, ...targetArgs(target), ...valuesArgs(o.values)];
  args.push('--dry-run=server', '--output', 'json');
  return { cmd: helm.path, args };
}

export function helmRollback(
  helm: HelmBin,
  target: KubeTarget,
  o: { release: string; revision?: number | undefined; timeout: string },
): Command {
  const args = ['rollback', o.release];
  if (o.revision !== undefined) args.push(String(o.revision));
  args.push(...targetArgs(target), ...waitArgs(helm), '--timeout', o.timeout);
  return { cmd: helm.path, args };
}

export function helmStatus(helm: HelmBin, target: KubeTarget, o: { release: string }): Command {
  return { cmd: helm.path, args: ['status', o.release, ...targetArgs(target), '--output', 'json'] };
}

export function helmHistory(helm: HelmBin, target: KubeTarget, o: { release: string; max?: number }): Command {
  const args = ['history', o.release, ...targetArgs(target), '--output', 'json'];
  if (o.max !== undefined) args.push('--max', String(o.max));
  return { cmd: helm.path, args };
}

export function helmGetValues(
  helm: HelmBin,
  target: KubeTarget,
  o: { release: string; revision?: number | undefined; all?: boolean },
): Command {
  const args = ['get', 'values', o.release, ...targetArgs(target), '--output', 'json'];
  if (o.revision !== undefined) args.push('--revision', String(o.revision));
  if (o.all) args.push('--all');
  return { cmd: helm.path, args };
}

/** The manifest is YAML in both majors (`get manifest` has no --output). */
export function helmGetManifest(
  helm: HelmBin,
  target: KubeTarget,
  o: { release: string; revision?: number | undefined },
): Command {
  const args = ['get', 'manifest', o.release, ...targetArgs(target)];
  if (o.revision !== undefined) args.push('--revision', String(o.revision));
  return { cmd: helm.path, args };
}

export function helmUninstall(helm: HelmBin, target: KubeTarget, o: { release: string; timeout: string }): Command {
  return {
    cmd: helm.path,
    args: ['uninstall', o.release, ...targetArgs(target), ...waitArgs(helm), '--timeout', o.timeout],
  };
}

export function helmTest(helm: HelmBin, target: KubeTarget, o: { release: string; timeout: string }): Command {
  // No --logs: it turns a passed test into a failure when the pod's logs are already
  // gone (log collection is ours to do, on failure only).
  const args = ['test', o.release, ...targetArgs(target), '--timeout', o.timeout];
  if (helm.major === 3) args.push('--hide-notes');
  return { cmd: helm.path, args };
}

/** The command line to show users (e.g. "this is what would install it"). */
export function displayCommand(c: Command, helmName = 'helm'): string {
  const parts = [helmName, ...c.args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`));
  return parts.join(' ');
}
