// Seed parity: scripts/install.sh and scripts/upgrade.sh keep working as thin wrappers
// over the built CLI (Helm 4 here; the CLI itself is covered on both majors).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNamespace,
  deleteNamespace,
  helmBinary,
  helmOk,
  KUBECONFIG,
  KUBECTL,
  REPO,
  requireCluster,
} from './helpers/index.js';

const ROOT = process.env.FHW_E2E_ROOT ?? REPO;
// The values file lands in the working directory: keep it out of the checkout.
const WORK = mkdtempSync(path.join(tmpdir(), 'fhw-scripts-'));

async function script(name: string, ns: string, extra: string[] = []) {
  const r = await execa(
    'bash',
    [
      path.join(ROOT, 'scripts', name),
      ...['--environment', 'dev', '--namespace', ns, '--no-verify', ...extra],
      ...['--helm-binary', helmBinary(4), '--kubectl-binary', KUBECTL, '--kubeconfig', KUBECONFIG],
    ],
    { cwd: WORK, reject: false, stdin: 'ignore', timeout: 180_000 },
  );
  return { exitCode: r.exitCode ?? -1, out: `${r.stdout}\n${r.stderr}` };
}

describe('scripts/install.sh and scripts/upgrade.sh', () => {
  let ns = '';
  beforeAll(async () => {
    requireCluster();
    ns = await createNamespace('wiz-scripts');
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
    await execa('rm', [
      '-f',
      path.join(ROOT, `flask-app.${ns}.values.yaml`),
      path.join(ROOT, `flask-app.${ns}.values.yaml.bak`),
    ]);
  });

  it('install.sh --environment dev --namespace NS installs; upgrade.sh makes a new revision', async () => {
    const i = await script('install.sh', ns);
    expect(i.exitCode, i.out).toBe(0);
    const u = await script('upgrade.sh', ns, ['--replicas', '3']);
    expect(u.exitCode, u.out).toBe(0);
    const h = JSON.parse((await helmOk(4, ['history', 'flask-app', '-n', ns, '-o', 'json'])).stdout) as {
      status: string;
    }[];
    expect(h.map((x) => x.status)).toEqual(['superseded', 'deployed']);
  });
});
