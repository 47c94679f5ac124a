// Preflight through the built CLI on the e2e control plane: problems are caught before
// anything is written to the cluster, with what to do, exit 1.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNamespace,
  deleteNamespace,
  helm,
  helmBinary,
  helmOk,
  KUBECONFIG,
  KUBECTL,
  REPO,
  requireCluster,
  waitFor,
} from './helpers/index.js';

const CLI = process.env.FHW_E2E_CLI ?? path.join(REPO, 'bin', 'flask-helm-wizard.js');

async function install(ns: string, cwd: string, extra: string[]) {
  const args = [CLI, 'install', '-e', 'dev', '-n', ns, '--yes', ...extra];
  const r = await execa(
    process.execPath,
    [...args, '--helm-binary', helmBinary(4), '--kubectl-binary', KUBECTL, '--kubeconfig', KUBECONFIG],
    { cwd, reject: false, stdin: 'ignore', timeout: 120_000 },
  );
  return { exitCode: r.exitCode ?? -1, out: `${r.stdout}\n${r.stderr}` };
}

async function releaseExists(ns: string): Promise<boolean> {
  const r = await execa(helmBinary(4), ['status', 'flask-app', '-n', ns, '--kubeconfig', KUBECONFIG], {
    reject: false,
  });
  return r.exitCode === 0;
}

async function cli(cwd: string, args: string[]) {
  const r = await execa(
    process.execPath,
    [CLI, ...args, '--helm-binary', helmBinary(4), '--kubectl-binary', KUBECTL, '--kubeconfig', KUBECONFIG],
    { cwd, reject: false, stdin: 'ignore', timeout: 120_000 },
  );
  return { exitCode: r.exitCode ?? -1, out: `${r.stdout}\n${r.stderr}` };
}

describe('preflight (Helm 4)', () => {
  let ns = '';
  let cwd = '';
  beforeAll(async () => {
    requireCluster();
    ns = await createNamespace('wiz-preflight');
    cwd = mkdtempSync(path.join(tmpdir(), 'fhw-preflight-'));
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
  });

  it('a missing ingress class stops the install before anything is applied', async () => {
    const r = await install(ns, cwd, [
      '--ingress',
      '--host',
      'app.example.test',
      '--ingress-class',
      'no-such-class',
      '--tls',
      'none',
    ]);
    expect(r.exitCode, r.out).toBe(1);
    expect(r.out).toContain('✖ IngressClass no-such-class not found');
    expect(r.out).toContain('--ingress-class');
    expect(await releaseExists(ns)).toBe(false);
  });

  it('a missing existing Secret stops the install and says how to create it', async () => {
    const r = await install(ns, cwd, [
      ...['--database', 'external', '--db-host', 'db.example.test', '--db-secret', 'missing-db-secret'],
      '--no-ingress',
    ]);
    expect(r.exitCode, r.out).toBe(1);
    expect(r.out).toContain(`✖ Secret missing-db-secret in ${ns} not found`);
    expect(r.out).toContain('kubectl create secret generic missing-db-secret');
    expect(await releaseExists(ns)).toBe(false);
  });

  it('a release left pending by a killed helm blocks the install; rollback settles it', async () => {
    const stuck = await createNamespace('wiz-pending');
    try {
      const values = ['-f', path.join(REPO, 'flask-app', 'values-dev.yaml')];
      const chart = path.join(REPO, 'flask-app');
      await helmOk(4, ['install', 'flask-app', chart, '-n', stuck, ...values, '--wait=watcher', '--timeout', '2m']);
      // A hard kill mid-upgrade is what leaves helm's lock behind (pending-upgrade).
      const upgrade = execa(
        helmBinary(4),
        [
          'upgrade',
          'flask-app',
          chart,
          '-n',
          stuck,
          ...values,
          '--set',
          'podAnnotations.e2e/fail=never-ready',
          '--wait=watcher',
          '--timeout',
          '2m',
          '--kubeconfig',
          KUBECONFIG,
        ],
        { reject: false },
      );
      await waitFor('pending-upgrade', async () => {
        const r = await helm(4, ['status', 'flask-app', '-n', stuck, '-o', 'json']);
        return r.exitCode === 0 && r.stdout.includes('"pending-upgrade"') ? true : undefined;
      });
      upgrade.kill('SIGKILL');
      await upgrade;
      const blocked = await cli(cwd, ['install', '-e', 'dev', '-n', stuck, '--yes', '--no-verify']);
      expect(blocked.exitCode, blocked.out).toBe(1);
      expect(blocked.out).toContain('stuck in pending-upgrade');
      expect(blocked.out).toContain(`flask-helm-wizard rollback -n ${stuck} -r flask-app`);
      const rb = await cli(cwd, ['rollback', '-n', stuck, '--yes']);
      expect(rb.exitCode, rb.out).toBe(0);
      const status = JSON.parse((await helmOk(4, ['status', 'flask-app', '-n', stuck, '-o', 'json'])).stdout) as {
        info: { status: string };
      };
      expect(status.info.status).toBe('deployed');
    } finally {
      await deleteNamespace(stuck);
    }
  });
});
