// A port-forward that survives its pod: kubectl port-forward never reconnects, so we
// re-forward with backoff when the tunnel drops or /health stops answering, and only
// ever show a URL that just answered /health.
import { get } from 'node:http';
import { sleep } from './channel.js';
import { type KubectlTarget, kubectl } from './kubectl-args.js';
import { backoffMs, parseForwarding, pickPort } from './port-pick.js';
import type { Child, Runner } from './runner.js';

/** What the forward is doing now (shown live, and as `forward` events). */
export type ForwardState =
  | { phase: 'connecting'; attempt: number }
  | { phase: 'probing'; localPort: number }
  | { phase: 'forwarding'; localPort: number; url: string; note?: string }
  | { phase: 'reconnecting'; attempt: number; delayMs: number; reason: string }
  | { phase: 'stopped'; restart: string }
  | { phase: 'failed'; reason: string };

export interface ForwardOptions {
  runner: Runner;
  kubectl: KubectlTarget;
  namespace: string;
  /**
   * Where to forward right now (e.g. a Ready pod of the release, `pod/x` + `http`).
   * Asked again on every reconnect, so a replaced pod is followed.
   */
  resolveTarget: () => Promise<ForwardTarget | { error: string }>;
  /** Whether the target is still the right one (e.g. the pod still exists and is Ready). */
  targetAlive?: (t: ForwardTarget) => Promise<boolean>;
  preferredPort: number;
  signal: AbortSignal;
  onState: (s: ForwardState) => void;
  /** false: forward, probe once, close (headless verify). */
  keepOpen: boolean;
  probe?: (url: string, signal: AbortSignal) => Promise<boolean>;
  /** How often an open forward re-checks /health (ms). */
  checkEveryMs?: number;
  /** The command that starts this forward again, shown when it stops. */
  restartCommand: string;
}

export interface ForwardTarget {
  resource: string;
  remotePort: number | string;
}

export type ForwardResult = { ok: true; url: string; note?: string } | { ok: false; reason: string };

/**
 * GET <url>/health → 200? node:http, not fetch: the global fetch loads undici, which
 * alone adds ~30 MB to the CLI's peak memory for one small request.
 */
export function httpHealthy(url: string, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(`${url}/health`, { signal: AbortSignal.any([signal, AbortSignal.timeout(3000)]) }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
      res.on('error', () => resolve(false));
    });
    req.on('error', () => resolve(false));
  });
}

interface Tunnel {
  child: Child;
  port: number;
  target: ForwardTarget;
}

async function open(o: ForwardOptions, port: number): Promise<Tunnel | { error: string }> {
  const target = await o.resolveTarget();
  if ('error' in target) return target;
  const c = kubectl.portForward(o.kubectl, o.namespace, target.resource, port, target.remotePort);
  let resolveReady: (p: number | undefined) => void = () => {};
  const ready = new Promise<number | undefined>((r) => {
    resolveReady = r;
  });
  const lines: string[] = [];
  const child = o.runner.spawn(c.cmd, c.args, {
    signal: o.signal,
    onLine: (line) => {
      lines.push(line);
      const p = parseForwarding(line);
      if (p !== undefined) resolveReady(p);
    },
  });
  void child.done.then(() => resolveReady(undefined));
  const listening = await Promise.race([ready, sleep(20_000, o.signal).then(() => undefined)]);
  if (listening === undefined) {
    child.kill();
    const r = await child.done;
    const why = (r.stderr || lines.join('\n')).trim().split('\n').pop() ?? 'kubectl port-forward did not start';
    return { error: why || 'kubectl port-forward did not start' };
  }
  return { child, port: listening, target };
}

async function probeWithRetries(o: ForwardOptions, url: string, tries: number): Promise<boolean> {
  const probe = o.probe ?? httpHealthy;
  for (let i = 0; i < tries && !o.signal.aborted; i++) {
    if (await probe(url, o.signal)) return true;
    await sleep(500, o.signal);
  }
  return false;
}

export async function forward(o: ForwardOptions): Promise<ForwardResult> {
  const picked = await pickPort(o.preferredPort);
  let port = picked.port;
  let attempt = 0;
  let lastReason = '';
  let everUp = false;
  while (!o.signal.aborted) {
    attempt++;
    if (attempt > 1) {
      const delayMs = backoffMs(attempt - 1);
      o.onState({ phase: 'reconnecting', attempt: attempt - 1, delayMs, reason: lastReason });
      await sleep(delayMs, o.signal);
      if (o.signal.aborted) break;
    }
    o.onState({ phase: 'connecting', attempt });
    const t = await open(o, port);
    if ('error' in t) {
      lastReason = t.error;
      if (/address already in use|unable to listen/i.test(t.error)) port = (await pickPort(port + 1)).port;
      if (!o.keepOpen && attempt >= 3) return { ok: false, reason: t.error };
      continue;
    }
    const url = `http://127.0.0.1:${t.port}`;
    o.onState({ phase: 'probing', localPort: t.port });
    const healthy = await probeWithRetries(o, url, everUp ? 6 : 10);
    if (!healthy) {
      t.child.kill();
      await t.child.done;
      lastReason = `${url}/health did not answer 200`;
      if (!o.keepOpen && attempt >= 2) return { ok: false, reason: lastReason };
      continue;
    }
    everUp = true;
    const note =
      t.port !== o.preferredPort ? (picked.note ?? `port ${o.preferredPort} is busy, using ${t.port}`) : undefined;
    o.onState({ phase: 'forwarding', localPort: t.port, url, ...(note ? { note } : {}) });
    if (!o.keepOpen) {
      t.child.kill();
      await t.child.done;
      return { ok: true, url, ...(note ? { note } : {}) };
    }
    lastReason = await holdUntilBroken(o, t, url);
    // Backoff restarts from 1 s after every successful connection.
    attempt = 1;
  }
  o.onState({ phase: 'stopped', restart: o.restartCommand });
  return lastReason && !everUp ? { ok: false, reason: lastReason } : { ok: true, url: `http://127.0.0.1:${port}` };
}

/** Keeps an open tunnel under watch; resolves with why it broke (or 'aborted'). */
async function holdUntilBroken(o: ForwardOptions, t: Tunnel, url: string): Promise<string> {
  const probe = o.probe ?? httpHealthy;
  let exited = false;
  void t.child.done.then(() => {
    exited = true;
  });
  let misses = 0;
  while (!o.signal.aborted) {
    await sleep(o.checkEveryMs ?? 3000, o.signal);
    if (o.signal.aborted) break;
    if (exited) return 'the tunnel closed (pod replaced or connection lost)';
    if (o.targetAlive && !(await o.targetAlive(t.target))) {
      t.child.kill();
      await t.child.done;
      return `${t.target.resource} is gone or not ready`;
    }
    misses = (await probe(url, o.signal)) ? 0 : misses + 1;
    if (misses >= 2) {
      t.child.kill();
      await t.child.done;
      return '/health stopped answering through the tunnel';
    }
  }
  t.child.kill();
  await t.child.done;
  return 'aborted';
}
