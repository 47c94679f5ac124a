// Pod shutdown on a real node: uWSGI ends well inside the grace period on SIGTERM,
// and a rolling update of 3 replicas drops no request sent through the wizard's
// port-forward while it runs (every request is counted).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNamespace,
  deleteNamespace,
  type HelmMajor,
  httpGet,
  isReady,
  kubectlOk,
  listPods,
  waitFor,
} from '../e2e/helpers/index.js';
import { cli, requireRealNode, spawnCli } from './helpers.js';

const APP = 'app.kubernetes.io/instance=flask-app,app.kubernetes.io/name=flask-app';
const forwarding = /● forwarding (http:\/\/127\.0\.0\.1:\d+)/g;

beforeAll(() => {
  requireRealNode();
});

describe.each([3, 4] as const)('shutdown and rollout on the real node, Helm %i', (major: HelmMajor) => {
  let ns = '';
  let cwd = '';

  beforeAll(async () => {
    ns = await createNamespace(`real-roll-h${major}`);
    cwd = mkdtempSync(path.join(tmpdir(), `fhw-real-roll-h${major}-`));
    const r = await cli(major, cwd, ['install', '-e', 'dev', '-n', ns, '--yes', '--replicas', '3', '--no-verify']);
    expect(r.exitCode, r.out).toBe(0);
    await waitFor(
      '3 Ready app pods',
      async () => {
        const pods = await listPods(ns, APP);
        return pods.length === 3 && pods.every(isReady) ? pods : undefined;
      },
      { timeoutMs: 180_000, intervalMs: 1000 },
    );
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
  });

  it('deleting an app pod ends it well inside its 30 s grace period (uWSGI drains on SIGTERM)', async () => {
    const [pod] = await listPods(ns, APP);
    const started = Date.now();
    await kubectlOk(['delete', 'pod', pod?.metadata.name ?? '', '-n', ns, '--wait=true', '--timeout=60s']);
    const ms = Date.now() - started;
    console.log(`[shutdown] helm ${major}: pod deleted in ${(ms / 1000).toFixed(1)} s`);
    expect(ms).toBeLessThan(15_000);
  });

  it('a rollout of 3 replicas drops no request sent through the port-forward', async () => {
    await waitFor(
      '3 Ready app pods again',
      async () => {
        const pods = await listPods(ns, APP);
        return pods.length === 3 && pods.every(isReady) ? pods : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 1000 },
    );
    const before = (await listPods(ns, APP)).map((p) => p.metadata.uid);
    const pf = spawnCli(major, cwd, ['port-forward', '-n', ns, '--yes']);
    try {
      const url = await waitFor('the forward', async () => [...pf.output().matchAll(forwarding)][0]?.[1], {
        timeoutMs: 60_000,
      });
      let ok = 0;
      const failures: string[] = [];
      let rolling = true;
      const load = (async () => {
        while (rolling) {
          try {
            const r = await httpGet(`${url}/health`, { timeoutMs: 5000 });
            if (r.status === 200) ok += 1;
            else failures.push(`HTTP ${r.status}`);
          } catch (err) {
            failures.push(err instanceof Error ? err.message : String(err));
          }
        }
      })();
      const up = await cli(major, cwd, [
        'upgrade',
        '-e',
        'dev',
        '-n',
        ns,
        '--yes',
        '--set',
        'flask.logLevel=WARNING',
        '--no-verify',
      ]);
      rolling = false;
      await load;
      const kinds = [...new Set(failures.map((f) => f.replace(/\d+/g, 'N')))].slice(0, 5);
      console.log(
        `[rollout] helm ${major}: ${ok} requests answered 200, ${failures.length} failed during the rollout: ${kinds.join(' | ')}`,
      );
      expect(up.exitCode, up.out).toBe(0);
      // Old pods may still be terminating (listed with a deletionTimestamp): none may be Ready.
      const after = (await listPods(ns, APP)).filter(isReady);
      expect(after.filter((p) => before.includes(p.metadata.uid))).toEqual([]);
      expect(ok).toBeGreaterThan(20);
      expect(failures).toEqual([]);
    } finally {
      pf.child.kill('SIGINT');
      await pf.child;
    }
  });
});
