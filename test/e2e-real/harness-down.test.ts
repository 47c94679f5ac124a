// `down` of the real-node lane leaves nothing behind: no process, mount, network
// namespace, cgroup, iptables rule, link, route or host file of it. Checked on a
// second, throwaway real-node cluster on other ports (its own namespace, cgroups
// and CNI network name), with a running pod, so the suite's cluster keeps running.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KUBECTL, REPO, run } from '../e2e/helpers/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fhw-e2e-real-second-'));
const PORT_BASE = '17500';
const env = { E2E_DIR: dir, E2E_PORT_BASE: PORT_BASE, E2E_NODES: 'real', E2E_PVS: '2' };
const script = (name: string) => path.join(REPO, 'scripts', 'e2e', name);
const kubeconfig = path.join(dir, 'kubeconfig');

function sh(file: string, args: string[]): string {
  return execFileSync(file, args, { encoding: 'utf8' });
}

/** The host's network state as `down` must leave it (iptables without counters). */
function hostNetwork() {
  return {
    links: sh('ip', ['-o', 'link', 'show']).replace(/ +link\/\S+ \S+ brd \S+/g, ''),
    addresses: sh('ip', ['-o', 'addr', 'show']),
    routes: sh('ip', ['route', 'show', 'table', 'all']),
    iptables: sh('iptables-save', [])
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .map((l) => l.replace(/\[\d+:\d+\]/g, ''))
      .join('\n'),
  };
}

function mountsUnder(root: string): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[4] ?? '')
    .filter((m) => m.startsWith(root));
}

function pidsWhere(test: (pid: string) => boolean): string[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid && test(p));
}

function cmdline(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

function netnsOf(pid: string): string {
  try {
    return readlinkSync(`/proc/${pid}/ns/net`);
  } catch {
    return '';
  }
}

function cgroupOf(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cgroup`, 'utf8');
  } catch {
    return '';
  }
}

const SYSCTLS = ['vm.overcommit_memory', 'kernel.panic', 'kernel.panic_on_oops'];
const sysctls = () => SYSCTLS.map((s) => `${s}=${sh('sysctl', ['-n', s]).trim()}`);
const cgroupDirs = () =>
  readdirSync('/sys/fs/cgroup')
    .map((h) => path.join('/sys/fs/cgroup', h, `fhw-e2e-${PORT_BASE}`))
    .filter(existsSync);

describe('real-node harness: down leaves nothing', () => {
  afterAll(async () => {
    await run('bash', [script('down.sh')], { env, timeoutMs: 120_000 });
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts a second real-node cluster with a running pod, then down removes every trace of it', async () => {
    const before = { network: hostNetwork(), sysctls: sysctls(), run: readdirSync('/run') };
    const up = await run('bash', [script('up.sh')], { env, timeoutMs: 300_000 });
    expect(up.exitCode, `${up.stdout}\n${up.stderr}`).toBe(0);
    const nodes = await run(KUBECTL, ['--kubeconfig', kubeconfig, 'get', 'nodes', '--no-headers']);
    expect(nodes.stdout).toMatch(/fhw-node\s+Ready/);

    const images = parse(readFileSync(path.join(dir, 'node', 'images.values.yaml'), 'utf8')) as {
      image: { repository: string; tag: string };
    };
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: sleeper, namespace: default}
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - {name: s, image: "${images.image.repository}:${images.image.tag}", command: [python, -c, "import time; time.sleep(3600)"]}
`;
    const created = await run(KUBECTL, ['--kubeconfig', kubeconfig, 'apply', '-f', '-'], { input: pod });
    expect(created.exitCode, created.stderr).toBe(0);
    const ready = await run(KUBECTL, [
      ...['--kubeconfig', kubeconfig, 'wait', '--for=condition=Ready', 'pod/sleeper', '--timeout=120s'],
    ]);
    expect(ready.exitCode, ready.stderr).toBe(0);

    // What the cluster holds while it runs: its namespace, containers, mounts, cgroups.
    const holder = readFileSync(path.join(dir, 'pids', 'netns.pid'), 'utf8').trim();
    const netns = netnsOf(holder);
    expect(netns).not.toBe(netnsOf('self'));
    const inNamespace = pidsWhere((p) => netnsOf(p) === netns);
    expect(inNamespace.length).toBeGreaterThan(8);
    expect(pidsWhere((p) => cgroupOf(p).includes(`/fhw-e2e-${PORT_BASE}`)).length).toBeGreaterThan(0);
    expect(mountsUnder(`${dir}/`).length).toBeGreaterThan(0);
    expect(cgroupDirs().length).toBeGreaterThan(0);
    // The cluster changed nothing in the host's own network namespace.
    expect(hostNetwork()).toEqual(before.network);
    expect(sysctls()).toEqual(before.sysctls);

    const down = await run('bash', [script('down.sh')], { env, timeoutMs: 120_000 });
    expect(down.exitCode, `${down.stdout}\n${down.stderr}`).toBe(0);
    expect(down.stdout).toContain('stopped');
    expect(pidsWhere((p) => cmdline(p).includes(dir))).toEqual([]);
    expect(pidsWhere((p) => netnsOf(p) === netns)).toEqual([]);
    // Containers live in pod namespaces of their own; their cgroups name the lane's parent.
    expect(pidsWhere((p) => cgroupOf(p).includes(`/fhw-e2e-${PORT_BASE}`))).toEqual([]);
    expect(mountsUnder(`${dir}/`)).toEqual([]);
    expect(cgroupDirs()).toEqual([]);
    expect(hostNetwork()).toEqual(before.network);
    expect(sysctls()).toEqual(before.sysctls);
    expect(existsSync(path.join(dir, 'node'))).toBe(false);
    expect(existsSync(kubeconfig)).toBe(false);
    const logLinks = existsSync('/var/log/containers') ? readdirSync('/var/log/containers') : [];
    expect(logLinks.filter((l) => readlinkSync(path.join('/var/log/containers', l)).startsWith(dir))).toEqual([]);
    // containerd's shim sockets and NRI live under /run whatever the config says (NRI is off).
    expect(readdirSync('/run').filter((d) => d === 'nri')).toEqual(before.run.filter((d) => d === 'nri'));
    const cniResults = existsSync('/var/lib/cni/results') ? readdirSync('/var/lib/cni/results') : [];
    expect(cniResults.filter((r) => r.startsWith(`fhw-e2e-${PORT_BASE}-`))).toEqual([]);
  });
});
