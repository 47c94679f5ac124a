import { kubectlJson } from './run.js';

// Polling with a deadline: kwok reaches every simulated state within seconds, so
// waits are short and a timeout names what was awaited and the last thing seen.

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/** Polls `probe` until it returns a value other than undefined; throws on timeout. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 20_000, intervalMs = 250 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() >= deadline) {
      const detail = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

// The slice of the Pod API these tests read.
export interface ContainerStatus {
  name: string;
  ready: boolean;
  restartCount: number;
  state?: { waiting?: { reason?: string }; running?: object; terminated?: { reason?: string; exitCode?: number } };
}
export interface Pod {
  metadata: {
    name: string;
    namespace: string;
    uid?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: { nodeName?: string };
  status: {
    phase?: string;
    podIP?: string;
    conditions?: { type: string; status: string }[];
    containerStatuses?: ContainerStatus[];
  };
}

export function isReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function waitingReason(pod: Pod): string | undefined {
  return pod.status.containerStatuses?.find((c) => c.state?.waiting?.reason)?.state?.waiting?.reason;
}

export async function listPods(namespace: string, selector?: string): Promise<Pod[]> {
  const args = ['get', 'pods', '-n', namespace, ...(selector ? ['-l', selector] : [])];
  return (await kubectlJson<{ items: Pod[] }>(args)).items;
}

export async function getPod(namespace: string, name: string): Promise<Pod> {
  return kubectlJson<Pod>(['get', 'pod', name, '-n', namespace]);
}

/** Waits until `check` holds for one pod and returns it. */
export function waitForPod(
  namespace: string,
  name: string,
  what: string,
  check: (p: Pod) => boolean,
  opts?: WaitOptions,
) {
  return waitFor(
    `pod ${namespace}/${name} ${what}`,
    async () => {
      const pod = await getPod(namespace, name);
      return check(pod) ? pod : undefined;
    },
    opts,
  );
}

/** Waits until at least `count` pods match the selector and all of them pass `check`. */
export function waitForPods(
  namespace: string,
  selector: string,
  what: string,
  check: (p: Pod) => boolean,
  { count = 1, ...opts }: WaitOptions & { count?: number } = {},
): Promise<Pod[]> {
  return waitFor(
    `${count}+ pods ${selector} in ${namespace} ${what}`,
    async () => {
      const pods = await listPods(namespace, selector);
      return pods.length >= count && pods.every(check) ? pods : undefined;
    },
    opts,
  );
}
