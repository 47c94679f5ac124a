// The preflight facts as the CLI hands them over: known, or the probes' promise.
import type { PreflightFacts } from '../wizard/contract.js';

export type FactsSource = PreflightFacts | Promise<PreflightFacts>;

export function isPromise(source: FactsSource): source is Promise<PreflightFacts> {
  return typeof (source as { then?: unknown }).then === 'function';
}

/**
 * What the screens show when the probes themselves failed (a bug, not a missing tool):
 * the cluster counts as unreachable, so only choices that are safe without one come first.
 */
export function factsAfterFailure(error: unknown): PreflightFacts {
  const message = error instanceof Error ? error.message : String(error);
  return {
    context: null,
    reachable: false,
    unreachableReason: `the checks failed: ${message}`,
    helmVersion: null,
    kubectlVersion: null,
  };
}

/** The facts once the probes answer; a rejection becomes factsAfterFailure. */
export async function settleFacts(source: FactsSource): Promise<PreflightFacts> {
  try {
    return await source;
  } catch (e) {
    return factsAfterFailure(e);
  }
}
