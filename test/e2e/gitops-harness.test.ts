import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure, E2E_DIR, REPO, requireCluster, run } from './helpers/index.js';

// The Flux controllers of the gitops lane as harness processes: flux-up.sh reuses
// running ones, they listen on loopback only, and flux-down.sh (run by down.sh) stops
// both by pid and removes their state. Ends with them running again for later files.

requireCluster();
const script = (name: string) => path.join(REPO, 'scripts', 'e2e', name);
const env = { ...(process.env as Record<string, string>) };
const pidDir = path.join(E2E_DIR, 'flux', 'pids');
const pids = () =>
  readdirSync(pidDir)
    .sort()
    .map((f) => Number(readFileSync(path.join(pidDir, f), 'utf8').trim()));
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

/** Local addresses (hex ip:port from /proc/net/tcp*) of the sockets a process listens on. */
function listening(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m?.[1]) inodes.add(m[1]);
    } catch {
      // closed while we looked
    }
  }
  const out: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // st 0A = LISTEN; field 9 is the inode.
      if (f[3] === '0A' && f[9] && inodes.has(f[9]) && f[1]) out.push(f[1]);
    }
  }
  return out;
}

describe('Flux controllers in the e2e harness', () => {
  it('flux-up.sh reuses running controllers, which listen on 127.0.0.1 only', async () => {
    const first = await run('bash', [script('flux-up.sh')], { env, timeoutMs: 280_000 });
    expect(first.exitCode, describeFailure(first)).toBe(0);
    const before = pids();
    expect(before).toHaveLength(2);
    const again = await run('bash', [script('flux-up.sh')], { env, timeoutMs: 60_000 });
    expect(again.exitCode, describeFailure(again)).toBe(0);
    expect(again.stdout).toContain('flux controllers already running (reused)');
    expect(pids()).toEqual(before);
    for (const pid of before) {
      const addrs = listening(pid);
      expect(addrs.length, `pid ${pid} listens`).toBeGreaterThan(0);
      // 0100007F is 127.0.0.1 in /proc/net/tcp's little-endian hex.
      for (const a of addrs) expect(a.startsWith('0100007F:'), `pid ${pid} listens on ${a}`).toBe(true);
    }
  });

  it('flux-down.sh stops both by pid and removes their state; flux-up.sh starts them again', async () => {
    const before = pids();
    const down = await run('bash', [script('flux-down.sh')], { env, timeoutMs: 60_000 });
    expect(down.exitCode, describeFailure(down)).toBe(0);
    expect(down.stdout).toMatch(/stopped helm-controller[\s\S]*stopped source-controller/);
    for (const pid of before) expect(alive(pid), `pid ${pid} still runs`).toBe(false);
    expect(existsSync(path.join(E2E_DIR, 'flux'))).toBe(false);
    const up = await run('bash', [script('flux-up.sh')], { env, timeoutMs: 280_000 });
    expect(up.exitCode, describeFailure(up)).toBe(0);
    const after = pids();
    expect(after).toHaveLength(2);
    for (const pid of after) expect(alive(pid)).toBe(true);
  });
});
