// Small pieces several commands share.
import { UserError } from '../../domain/errors.js';
import type { HelmBin } from '../../kube/helm/version.js';
import { loadHelm } from '../../kube/toolchain.js';
import type { CliContext, KubeOptions } from '../context.js';

export function kubeOptions(ctx: CliContext): KubeOptions {
  const o = ctx.options;
  return {
    helmBinary: o.helmBinary,
    kubectlBinary: o.kubectlBinary,
    kubeContext: o.kubeContext,
    kubeconfig: o.kubeconfig,
  };
}

export async function requireHelm(ctx: CliContext): Promise<HelmBin> {
  const r = await loadHelm(ctx.runner, kubeOptions(ctx), ctx.env);
  if (!r.ok) throw new UserError({ message: r.error.message, hint: r.error.hint }, 1);
  return r.helm;
}

/** Helm durations: `300s`, `5m`, `1h30m`. */
export function checkTimeout(value: string): void {
  if (!/^(\d+(ns|us|µs|ms|s|m|h))+$/.test(value)) {
    throw new UserError(
      { message: `--timeout ${value} is not a duration`, hint: 'use a Go duration such as 90s, 5m or 1h' },
      2,
    );
  }
}

export function optionalInt(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max)) {
    throw new UserError(
      { message: `${flag} ${value} is not a whole number from ${min} to ${max}`, hint: `e.g. ${flag} ${min}` },
      2,
    );
  }
  return n;
}
