// One call that finds helm (and kubectl when needed) and learns the helm major, so
// callers (render, install, status, …) start from ready-to-use binaries or a clear error.
import { findBinaries } from './binaries.js';
import { detectHelm, type HelmBin, type UnsupportedHelm } from './helm/version.js';
import type { KubectlTarget } from './kubectl-args.js';
import type { MissingBinary, Runner } from './runner.js';

export interface ToolchainOptions {
  helmBinary?: string | undefined;
  kubectlBinary?: string | undefined;
  kubeContext?: string | undefined;
  kubeconfig?: string | undefined;
}

export interface Toolchain {
  helm: HelmBin;
  kubectl: KubectlTarget;
}

export type ToolchainError = MissingBinary | UnsupportedHelm;

export async function loadHelm(
  runner: Runner,
  options: ToolchainOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ ok: true; helm: HelmBin } | { ok: false; error: ToolchainError }> {
  const found = findBinaries(options, env).helm;
  if (!found.ok) return { ok: false, error: found.error };
  return detectHelm(runner, found.path);
}

export async function loadToolchain(
  runner: Runner,
  options: ToolchainOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ ok: true; tools: Toolchain } | { ok: false; errors: ToolchainError[] }> {
  const found = findBinaries(options, env);
  const errors: ToolchainError[] = [];
  if (!found.kubectl.ok) errors.push(found.kubectl.error);
  if (!found.helm.ok) {
    errors.push(found.helm.error);
    return { ok: false, errors };
  }
  const helm = await detectHelm(runner, found.helm.path);
  if (!helm.ok) errors.push(helm.error);
  if (!helm.ok || !found.kubectl.ok) return { ok: false, errors };
  return {
    ok: true,
    tools: {
      helm: helm.helm,
      kubectl: { path: found.kubectl.path, kubeContext: options.kubeContext, kubeconfig: options.kubeconfig },
    },
  };
}
