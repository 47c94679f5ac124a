import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KUBECTL, REPO, run } from './helpers/index.js';

// `down` must leave nothing behind. Checked on a second, throwaway cluster on other
// ports, so the cluster the rest of the suite uses keeps running.
const dir = mkdtempSync(path.join(tmpdir(), 'fhw-e2e-second-'));
const env = {
  E2E_DIR: dir,
  E2E_PORT_BASE: '17000',
  E2E_TARGET_PORT: '18090',
  E2E_NODES: '1',
  E2E_PVS: '2',
};
const script = (name: string) => path.join(REPO, 'scripts', 'e2e', name);

/** Pids of every process whose command line mentions `needle`. */
function processesMentioning(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** Alive and not a zombie (init reaps the cluster's orphans a moment after they exit). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function recordedPids(): number[] {
  const pidDir = path.join(dir, 'pids');
  return readdirSync(pidDir).map((f) => Number(readFileSync(path.join(pidDir, f), 'utf8').trim()));
}

describe('e2e harness: up is idempotent and down leaves nothing', () => {
  const kubeHome = path.join(homedir(), '.kube', 'config');
  const kubeBefore = existsSync(kubeHome) ? statSync(kubeHome).mtimeMs : undefined;

  afterAll(async () => {
    await run('bash', [script('down.sh')], { env });
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts a second cluster, reuses it on a second up, and stops every process on down', async () => {
    const up = await run('bash', [script('up.sh')], { env, timeoutMs: 180_000 });
    expect(up.exitCode, up.stderr).toBe(0);
    const kubeconfig = path.join(dir, 'kubeconfig');
    const nodes = await run(KUBECTL, ['--kubeconfig', kubeconfig, 'get', 'nodes', '--no-headers']);
    expect(nodes.stdout).toMatch(/fhw-e2e-node-0\s+Ready/);
    const pids = recordedPids();
    expect(pids).toHaveLength(6);

    const again = await run('bash', [script('up.sh')], { env, timeoutMs: 60_000 });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('reused');
    expect(recordedPids().sort()).toEqual([...pids].sort());

    const down = await run('bash', [script('down.sh')], { env, timeoutMs: 60_000 });
    expect(down.exitCode, down.stderr).toBe(0);
    for (const pid of pids) expect(running(pid), `pid ${pid} still runs`).toBe(false);
    // Worker processes (uWSGI) and anything else started for this cluster.
    expect(processesMentioning(dir)).toEqual([]);
    expect(processesMentioning('/dev/shm/fhw-e2e-etcd-17000')).toEqual([]);
    expect(existsSync(kubeconfig)).toBe(false);
    expect(existsSync(path.join(dir, 'pki'))).toBe(false);
    expect(existsSync('/dev/shm/fhw-e2e-etcd-17000')).toBe(false);
    // The user's kubeconfig is never written.
    expect(existsSync(kubeHome) ? statSync(kubeHome).mtimeMs : undefined).toBe(kubeBefore);
  });
});
