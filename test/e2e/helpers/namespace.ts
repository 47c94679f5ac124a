import { randomBytes } from 'node:crypto';
import { kubectl, kubectlOk } from './run.js';

// One namespace per test on the shared cluster. Names carry a random suffix so a
// rerun never meets a namespace that is still terminating from the last run.

export const TEST_LABEL = 'fhw-e2e/test';

export function namespaceName(prefix: string): string {
  const clean = prefix
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${clean || 'e2e'}-${randomBytes(3).toString('hex')}`;
}

export async function createNamespace(prefix: string): Promise<string> {
  const name = namespaceName(prefix);
  await kubectlOk(['create', 'namespace', name]);
  await kubectlOk(['label', 'namespace', name, `${TEST_LABEL}=true`]);
  return name;
}

/**
 * Deletes the namespace without waiting for it to go (the controller manager
 * finishes that in the background). The static PVs its claims held return to the
 * pool by themselves (kwok stage pv-recycle).
 */
export async function deleteNamespace(name: string): Promise<void> {
  await kubectl(['delete', 'namespace', name, '--wait=false', '--ignore-not-found']);
}
