// The release journey through the BUILT CLI, headless (`--yes`, stdin not a TTY), on
// the e2e control plane, once with Helm 3 and once with Helm 4: install → upgrade →
// crash-looping upgrade rolled back fast → image-pull upgrade rolled back → Ctrl-C mid
// upgrade → port-forward that survives its pod. Run `npm run build` and
// `npm run e2e:up` first.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNamespace,
  deleteNamespace,
  type HelmMajor,
  helmBinary,
  helmOk,
  httpGet,
  isReady,
  KUBECONFIG,
  KUBECTL,
  kubectlOk,
  listPods,
  REPO,
  requireCluster,
  waitFor,
} from './helpers/index.js';

const CLI = process.env.FHW_E2E_CLI ?? path.join(REPO, 'bin', 'flask-helm-wizard.js');

function cliArgs(major: HelmMajor, args: string[]): string[] {
  return [CLI, ...args, '--helm-binary', helmBinary(major), '--kubectl-binary', KUBECTL, '--kubeconfig', KUBECONFIG];
}

async function cli(major: HelmMajor, cwd: string, args: string[]) {
  const started = Date.now();
  const r = await execa(process.execPath, cliArgs(major, args), {
    cwd,
    reject: false,
    stdin: 'ignore',
    timeout: 240_000,
  });
  return { exitCode: r.exitCode ?? -1, out: `${r.stdout}\n${r.stderr}`, ms: Date.now() - started };
}

function spawnCli(major: HelmMajor, cwd: string, args: string[]) {
  const child = execa(process.execPath, cliArgs(major, args), { cwd, reject: false, stdin: 'ignore', buffer: false });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  return { child, output: () => text };
}

interface Revision {
  revision: number;
  status: string;
  description: string;
}

async function history(major: HelmMajor, ns: string): Promise<Revision[]> {
  return JSON.parse((await helmOk(major, ['history', 'flask-app', '-n', ns, '-o', 'json'])).stdout) as Revision[];
}

async function deployedValues(major: HelmMajor, ns: string): Promise<Record<string, unknown>> {
  return JSON.parse((await helmOk(major, ['get', 'values', 'flask-app', '-n', ns, '-o', 'json'])).stdout) as Record<
    string,
    unknown
  >;
}

async function get(url: string): Promise<number> {
  return (await httpGet(url, { timeoutMs: 3000 })).status;
}

beforeAll(() => {
  requireCluster();
});

describe.each([3, 4] as const)('flask-helm-wizard on Helm %i', (major) => {
  let ns = '';
  let cwd = '';
  const valuesFile = () => path.join(cwd, `flask-app.${ns}.values.yaml`);

  beforeAll(async () => {
    ns = await createNamespace(`wiz-h${major}`);
    cwd = mkdtempSync(path.join(tmpdir(), `fhw-wizard-h${major}-`));
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
  });

  it('install -e dev --yes: deployed, pods ready, helm test ok, /health checked through a port-forward', async () => {
    const r = await cli(major, cwd, ['install', '-e', 'dev', '-n', ns, '--yes']);
    expect(r.exitCode, r.out).toBe(0);
    expect(r.out).toContain('✔ helm test');
    expect(r.out).toMatch(/● forwarding http:\/\/127\.0\.0\.1:\d+/);
    expect(r.out).toMatch(/http:\/\/127\.0\.0\.1:\d+ answers \/health/);
    expect(r.out).toContain(`(Helm ${major})`);
    const top = (await history(major, ns)).pop();
    expect(top).toMatchObject({ revision: 1, status: 'deployed' });
    const app = await listPods(ns, 'app.kubernetes.io/instance=flask-app,app.kubernetes.io/name=flask-app');
    expect(app.length).toBeGreaterThan(0);
    expect(app.every(isReady)).toBe(true);
  });

  it('upgrade with a harmless change: a new revision is deployed', async () => {
    const r = await cli(major, cwd, ['upgrade', '-e', 'dev', '-n', ns, '--yes', '--replicas', '3', '--no-verify']);
    expect(r.exitCode, r.out).toBe(0);
    expect(r.out).toContain('replicas: 3');
    const top = (await history(major, ns)).pop();
    expect(top).toMatchObject({ revision: 2, status: 'deployed' });
    expect((await deployedValues(major, ns)).replicaCount).toBe(3);
  });

  it('upgrade into a crash loop: exit 3 within 20 s, previous values deployed, override file restored', async () => {
    const before = readFileSync(valuesFile(), 'utf8');
    const r = await cli(major, cwd, [
      'upgrade',
      ...['-e', 'dev', '-n', ns, '--yes', '--replicas', '4'],
      ...['--set', 'podAnnotations.e2e/fail=crashloop'],
    ]);
    expect(r.exitCode, r.out).toBe(3);
    expect(r.out).toContain('CrashLoopBackOff');
    expect(r.out).toMatch(/evidence: pod flask-app-\S+ \(container flask-app\)/);
    expect(r.ms).toBeLessThan(20_000);
    const revs = await history(major, ns);
    const top = revs[revs.length - 1];
    expect(top?.status).toBe('deployed');
    expect(top?.description).toMatch(/^Rollback to 2/);
    expect(revs.some((x) => x.status.startsWith('pending-'))).toBe(false);
    const values = await deployedValues(major, ns);
    expect(values.replicaCount).toBe(3);
    expect(JSON.stringify(values)).not.toContain('crashloop');
    expect(readFileSync(valuesFile(), 'utf8')).toBe(before);
  });

  it('upgrade with an image that cannot be pulled: exit 3 naming ImagePullBackOff, previous values deployed', async () => {
    const r = await cli(major, cwd, [
      'upgrade',
      '-e',
      'dev',
      '-n',
      ns,
      '--yes',
      '--set',
      'podAnnotations.e2e/fail=image-pull',
    ]);
    expect(r.exitCode, r.out).toBe(3);
    expect(r.out).toMatch(/ImagePullBackOff|ErrImagePull/);
    const top = (await history(major, ns)).pop();
    expect(top?.status).toBe('deployed');
    expect(JSON.stringify(await deployedValues(major, ns))).not.toContain('image-pull');
  });

  it('Ctrl-C (SIGINT) mid-upgrade: helm is interrupted, the release ends deployed (not pending), exit 130', async () => {
    const run = spawnCli(major, cwd, [
      'upgrade',
      '-e',
      'dev',
      '-n',
      ns,
      '--yes',
      '--set',
      'podAnnotations.e2e/fail=never-ready',
    ]);
    await waitFor('the rollout to start', async () => (run.output().includes('▸ Rollout') ? true : undefined), {
      timeoutMs: 60_000,
    });
    run.child.kill('SIGINT');
    const r = await run.child;
    expect(r.exitCode, run.output()).toBe(130);
    expect(run.output()).toMatch(/interrupted; release flask-app is deployed at revision \d+/);
    const revs = await history(major, ns);
    expect(revs[revs.length - 1]?.status).toBe('deployed');
    expect(revs.some((x) => x.status.startsWith('pending-'))).toBe(false);
    expect(JSON.stringify(await deployedValues(major, ns))).not.toContain('never-ready');
  });

  it('port-forward survives deleting the pod: reconnects, /health answers again, Ctrl-C prints how to restart', async () => {
    const run = spawnCli(major, cwd, ['port-forward', '-n', ns, '--yes']);
    const forwarding = /● forwarding (http:\/\/127\.0\.0\.1:\d+)/g;
    const url = await waitFor('the first forward', async () => [...run.output().matchAll(forwarding)][0]?.[1], {
      timeoutMs: 30_000,
    });
    expect(await get(`${url}/health`)).toBe(200);
    // What answers is the reference app from app/ under uWSGI (the harness's target):
    // its index names it, and /ready is 200 or a 503 that names what is down.
    expect(JSON.parse((await httpGet(`${url}/`)).body)).toMatchObject({ name: 'flask-app' });
    const ready = await httpGet(`${url}/ready`);
    expect([200, 503]).toContain(ready.status);
    if (ready.status === 503) expect(JSON.parse(ready.body).down.length).toBeGreaterThan(0);
    await kubectlOk(['delete', 'pod', '-n', ns, '-l', 'app.kubernetes.io/name=flask-app', '--wait=false']);
    await waitFor('a reconnect', async () => ([...run.output().matchAll(forwarding)].length >= 2 ? true : undefined), {
      timeoutMs: 60_000,
    });
    expect(run.output()).toMatch(/◌ reconnecting \(\d+\)/);
    const again = [...run.output().matchAll(forwarding)].pop()?.[1];
    expect(await get(`${again}/health`)).toBe(200);
    run.child.kill('SIGINT');
    const r = await run.child;
    expect(r.exitCode, run.output()).toBe(130);
    expect(run.output()).toContain(`restart it with: flask-helm-wizard port-forward -n ${ns} -r flask-app`);
  });

  it('status, rollback and uninstall', async () => {
    const s = await cli(major, cwd, ['status', '-n', ns]);
    expect(s.exitCode, s.out).toBe(0);
    expect(s.out).toMatch(/flask-app in \S+: revision \d+, deployed/);
    const top = (await history(major, ns)).pop()?.revision ?? 0;
    expect(readFileSync(valuesFile(), 'utf8')).toContain('replicaCount: 3');
    const rb = await cli(major, cwd, ['rollback', '-n', ns, '--yes', '--revision', '1']);
    expect(rb.exitCode, rb.out).toBe(0);
    expect((await history(major, ns)).pop()).toMatchObject({
      revision: top + 1,
      status: 'deployed',
      description: 'Rollback to 1',
    });
    // The values file follows the rollback (revision 1 ran two replicas), so the next
    // upgrade does not bring three back; the file before it is kept as .bak.
    expect(rb.out).toContain('now holds the values deployed');
    expect(readFileSync(valuesFile(), 'utf8')).not.toContain('replicaCount: 3');
    expect(readFileSync(`${valuesFile()}.bak`, 'utf8')).toContain('replicaCount: 3');
    expect((await deployedValues(major, ns)).replicaCount).not.toBe(3);
    const un = await cli(major, cwd, ['uninstall', '-n', ns, '--yes']);
    expect(un.exitCode, un.out).toBe(0);
    const gone = await execa(helmBinary(major), ['status', 'flask-app', '-n', ns, '--kubeconfig', KUBECONFIG], {
      reject: false,
    });
    expect(gone.exitCode).not.toBe(0);
  });

  it('a first install that fails is uninstalled cleanly (exit 3)', async () => {
    const fresh = await createNamespace(`wiz-first-h${major}`);
    try {
      const r = await cli(major, cwd, [
        'install',
        '-e',
        'dev',
        '-n',
        fresh,
        '--yes',
        '--set',
        'podAnnotations.e2e/fail=crashloop',
      ]);
      expect(r.exitCode, r.out).toBe(3);
      expect(r.out).toContain('the failed first install was uninstalled');
      const gone = await execa(helmBinary(major), ['status', 'flask-app', '-n', fresh, '--kubeconfig', KUBECONFIG], {
        reject: false,
      });
      expect(gone.exitCode).not.toBe(0);
    } finally {
      await deleteNamespace(fresh);
    }
  });
});

describe('verification after install (Helm 4)', () => {
  let ns = '';
  let cwd = '';
  beforeAll(async () => {
    ns = await createNamespace('wiz-verify');
    cwd = mkdtempSync(path.join(tmpdir(), 'fhw-verify-'));
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
  });

  it('helm test and the /health probe run side by side; a failing test decides: exit 1, the release stays deployed', async () => {
    const failingTests = ['--set', 'tests.podAnnotations.e2e/fail=test-fails'];
    const r = await cli(4, cwd, ['install', ...['-e', 'dev', '-n', ns, '--yes'], ...failingTests]);
    expect(r.exitCode, r.out).toBe(1);
    expect(r.out).toContain('flask-app is deployed but its tests fail');
    expect(r.out).toContain('helm test flask-app -n');
    // The probe ran while the test pod did: both steps started before either ended.
    const started = r.out.indexOf('▸ Port-forward');
    const testEnded = r.out.search(/✖ helm test/);
    expect(started).toBeGreaterThan(-1);
    expect(testEnded).toBeGreaterThan(started);
    expect((await history(4, ns)).pop()).toMatchObject({ revision: 1, status: 'deployed' });
  });

  it('--no-verify does what bare helm --wait does: no helm test, no port-forward', async () => {
    const r = await cli(4, cwd, ['upgrade', '-e', 'dev', '-n', ns, '--yes', '--no-verify']);
    expect(r.exitCode, r.out).toBe(0);
    expect(r.out).not.toContain('helm test…');
    expect(r.out).not.toContain('Port-forward');
    expect(r.out).toContain(`flask-app is deployed in ${ns} (revision 2)`);
  });
});
