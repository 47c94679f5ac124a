// The real node itself: kubelet 1.35 on containerd, cluster DNS, storage on real
// directories that outlive a pod, and containment (pods reach nothing outside the
// lane's network namespace).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  applyYaml,
  createNamespace,
  deleteNamespace,
  kubectlJson,
  kubectlOk,
  waitFor,
  waitForPod,
} from '../e2e/helpers/index.js';
import { execIn, IMAGES_VALUES, NODE_DIR, requireRealNode } from './helpers.js';

interface NodeObject {
  metadata: { name: string };
  status: {
    nodeInfo: { containerRuntimeVersion: string; kubeletVersion: string };
    conditions: { type: string; status: string }[];
    addresses: { type: string; address: string }[];
  };
}

let ns = '';
let appImage = '';

function probePod(name: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  terminationGracePeriodSeconds: 1
  securityContext: {runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, runAsNonRoot: true}
  containers:
  - name: probe
    image: ${appImage}
    imagePullPolicy: IfNotPresent
    command: ["python", "-c", "import time; time.sleep(3600)"]
    securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
${extra}`;
}

beforeAll(async () => {
  requireRealNode();
  const images = parse(readFileSync(IMAGES_VALUES, 'utf8')) as { image: { repository: string; tag: string } };
  appImage = `${images.image.repository}:${images.image.tag}`;
  ns = await createNamespace('real-node');
  await applyYaml(ns, probePod('probe'));
  await waitForPod(ns, 'probe', 'running', (p) => p.status?.phase === 'Running', { timeoutMs: 120_000 });
});
afterAll(async () => {
  if (ns) await deleteNamespace(ns);
});

describe('the real node', () => {
  it('is a Ready kubelet v1.35 on containerd, addressed inside the lane namespace', async () => {
    const nodes = await kubectlJson<{ items: NodeObject[] }>(['get', 'nodes', '-o', 'json']);
    expect(nodes.items).toHaveLength(1);
    const node = nodes.items[0];
    expect(node?.status.nodeInfo.containerRuntimeVersion).toMatch(/^containerd:\/\/2\./);
    expect(node?.status.nodeInfo.kubeletVersion).toMatch(/^v1\.35\./);
    expect(node?.status.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
    const ip = node?.status.addresses.find((a) => a.type === 'InternalIP')?.address;
    expect(ip).toBe('10.99.0.1');
    // The node's address is not one of the host's: it exists only in the lane's namespace.
    const hostAddresses = Object.values(networkInterfaces())
      .flat()
      .map((i) => i?.address);
    expect(hostAddresses).not.toContain(ip);
  });

  it('CoreDNS answers cluster.local names from a pod; other names fail at once', async () => {
    const lookup = await execIn(ns, 'probe', [
      'python',
      '-c',
      'import socket; print(socket.gethostbyname("kubernetes.default.svc.cluster.local"))',
    ]);
    expect(lookup.out.trim()).toBe('10.96.0.1');
    const short = await execIn(ns, 'probe', [
      'python',
      '-c',
      'import socket; print(socket.gethostbyname("kubernetes.default"))',
    ]);
    expect(short.out.trim()).toBe('10.96.0.1');
    const started = Date.now();
    const outside = await execIn(ns, 'probe', ['python', '-c', 'import socket; socket.gethostbyname("pypi.org")']);
    expect(outside.exitCode).not.toBe(0);
    expect(outside.out).toMatch(/gaierror|Name or service not known|not known/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('pods have no route to any address outside the namespace (internet, the host)', async () => {
    const hostAddress =
      Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal)?.address ?? '192.0.2.1';
    for (const address of ['1.1.1.1', hostAddress]) {
      const r = await execIn(ns, 'probe', [
        'python',
        '-c',
        `import socket; s = socket.socket(); s.settimeout(3); s.connect(("${address}", 443))`,
      ]);
      expect(r.exitCode, `${address}: ${r.out}`).not.toBe(0);
      expect(r.out).toMatch(/unreachable|timed out|No route|refused/i);
    }
  });

  it('the default StorageClass binds a claim to a real directory whose data outlives the pod', async () => {
    await applyYaml(
      ns,
      `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`,
    );
    const volume = `    volumeMounts: [{name: data, mountPath: /data}]
  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
`;
    const writer = probePod('writer', volume).replace(
      'import time; time.sleep(3600)',
      'import time; open(\\"/data/kept\\", \\"w\\").write(\\"written by writer\\"); time.sleep(3600)',
    );
    await applyYaml(ns, writer);
    await waitForPod(ns, 'writer', 'running', (p) => p.status?.phase === 'Running', { timeoutMs: 120_000 });
    const claim = await kubectlJson<{ spec: { volumeName: string }; status: { phase: string } }>([
      'get',
      'pvc',
      'data',
      '-n',
      ns,
      '-o',
      'json',
    ]);
    expect(claim.status.phase).toBe('Bound');
    const pv = await kubectlJson<{ spec: { local: { path: string } } }>([
      'get',
      'pv',
      claim.spec.volumeName,
      '-o',
      'json',
    ]);
    const dir = pv.spec.local.path;
    expect(dir.startsWith(path.join(NODE_DIR, 'volumes'))).toBe(true);
    await waitFor('the file on the node', async () => (existsSync(path.join(dir, 'kept')) ? true : undefined), {
      timeoutMs: 30_000,
    });
    await kubectlOk(['delete', 'pod', 'writer', '-n', ns, '--wait=true']);
    await applyYaml(ns, probePod('reader', volume));
    await waitForPod(ns, 'reader', 'running', (p) => p.status?.phase === 'Running', { timeoutMs: 120_000 });
    const read = await execIn(ns, 'reader', ['cat', '/data/kept']);
    expect(read.out).toBe('written by writer');
    expect(readdirSync(dir)).toContain('kept');
  });
});
