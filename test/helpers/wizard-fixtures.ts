// Preflight facts and a review builder for screen tests (pure data, no cluster).
import type { Answers } from '../../src/domain/answers.js';
import type { PreflightFacts } from '../../src/ui/wizard/contract.js';

export const REACHABLE_DEV: PreflightFacts = {
  context: 'kind-dev',
  server: 'https://127.0.0.1:6443',
  reachable: true,
  helmVersion: 'v3.17.3',
  kubectlVersion: 'v1.35.0',
  serverVersion: 'v1.35.4',
};

export const UNREACHABLE: PreflightFacts = {
  context: 'kind-dev',
  reachable: false,
  unreachableReason: 'connection refused',
  helmVersion: 'v4.1.4',
  kubectlVersion: 'v1.35.0',
};

export const PROD_CONTEXT: PreflightFacts = {
  context: 'gke-prod-eu-1',
  reachable: true,
  helmVersion: 'v4.1.4',
  kubectlVersion: 'v1.35.0',
  serverVersion: 'v1.35.4',
};

/** A stand-in for the values builder: one line per answer group, easy to assert on. */
export function fakeReviewText(a: Answers): string {
  return [
    `# values for ${a.release} in ${a.namespace}`,
    `environment: ${a.environment}`,
    `image: ${a.image.repository}:${a.image.tag}`,
  ].join('\n');
}
