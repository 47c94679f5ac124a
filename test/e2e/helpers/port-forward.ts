import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execa } from 'execa';
import { KUBECONFIG, KUBECTL } from './cluster.js';
import { applyYaml } from './run.js';
import { waitFor } from './wait.js';

// Real `kubectl port-forward` through the apiserver to kwok's kubelet API. By
// default kwok sends pod port 8080 to the local target up.sh started (127.0.0.1:18080);
// forwardPodTo() points one pod at a server of the test's own instead.

export interface PortForward {
  localPort: number;
  baseUrl: string;
  close(): Promise<void>;
}

/** Parses kubectl's "Forwarding from 127.0.0.1:41234 -> 8080" line. Pure. */
export function parseForwardingLine(text: string): number | undefined {
  const m = /Forwarding from 127\.0\.0\.1:(\d+) ->/.exec(text);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/**
 * Starts `kubectl port-forward <resource> :<remotePort>` (kubectl picks a free local
 * port) and resolves once it listens. `resource` is e.g. `svc/web` or `pod/web-0`.
 */
export async function portForward(
  namespace: string,
  resource: string,
  remotePort: number,
  { kubeconfig = KUBECONFIG, timeoutMs = 20_000 } = {},
): Promise<PortForward> {
  const child = execa(
    KUBECTL,
    ['--kubeconfig', kubeconfig, 'port-forward', '-n', namespace, resource, `:${remotePort}`, '--address', '127.0.0.1'],
    { reject: false, stdin: 'ignore', buffer: false },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  let exited = false;
  void child.then(() => {
    exited = true;
  });
  const close = async () => {
    child.kill('SIGTERM');
    await child;
  };
  try {
    const localPort = await waitFor(
      `kubectl port-forward ${namespace}/${resource}`,
      async () => {
        if (exited) throw new Error(`kubectl port-forward exited: ${output.trim()}`);
        return parseForwardingLine(output);
      },
      { timeoutMs, intervalMs: 100 },
    );
    return { localPort, baseUrl: `http://127.0.0.1:${localPort}`, close };
  } catch (err) {
    await close();
    throw err;
  }
}

export interface LocalTarget {
  port: number;
  requests: string[];
  close(): Promise<void>;
}

/** A local HTTP server a test can aim a pod's port-forward at. */
export async function startLocalTarget(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LocalTarget> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sends port-forwards to `podPort` of one pod to 127.0.0.1:`targetPort` (a kwok PortForward). */
export async function forwardPodTo(namespace: string, pod: string, targetPort: number, podPort = 8080): Promise<void> {
  await applyYaml(
    namespace,
    [
      'apiVersion: kwok.x-k8s.io/v1alpha1',
      'kind: PortForward',
      `metadata: {name: ${pod}}`,
      'spec:',
      `  forwards: [{ports: [${podPort}], target: {address: 127.0.0.1, port: ${targetPort}}}]`,
    ].join('\n'),
  );
}
