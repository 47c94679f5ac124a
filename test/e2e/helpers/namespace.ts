import { randomBytes } from 'node:crypto';
import { kubectl, kubectlJson, kubectlOk } from './run.js';

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
 * finishes that in the background), then returns the static PVs its claims held
 * to the pool so a long suite never runs out.
 */
export async function deleteNamespace(name: string): Promise<void> {
  await kubectl(['delete', 'namespace', name, '--wait=false', '--ignore-not-found']);
  await recycleReleasedVolumes();
}

interface PersistentVolume {
  metadata: { name: string };
  status?: { phase?: string };
}

/**
 * The harness's static PVs use reclaimPolicy Retain (no provisioner exists to
 * delete them); clearing claimRef makes a Released one Available again.
 */
export async function recycleReleasedVolumes(): Promise<number> {
  const pvs = await kubectlJson<{ items: PersistentVolume[] }>(['get', 'pv', '-l', 'fhw-e2e/static-pv=true']);
  const released = pvs.items.filter((pv) => pv.status?.phase === 'Released');
  for (const pv of released) {
    await kubectl(['patch', 'pv', pv.metadata.name, '--type=json', '-p', '[{"op":"remove","path":"/spec/claimRef"}]']);
  }
  return released.length;
}
