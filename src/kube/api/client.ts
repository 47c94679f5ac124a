// Read-only requests to the Kubernetes API over one HTTP/2 connection (HTTPS/1.1 with
// kept-alive sockets when the server does not speak h2). Each kubectl process costs ~60 ms of CPU to start (six in parallel take ~0.3 s on a
// two-core machine); the same reads over HTTPS take a few milliseconds each. Writes
// stay with kubectl and helm.
import { readFile } from 'node:fs/promises';
import { type ClientHttp2Session, type ClientHttp2Stream, connect } from 'node:http2';
import { Agent, request } from 'node:https';
import { homedir } from 'node:os';
import type { ConnectionOptions } from 'node:tls';
import { parse } from 'yaml';
import { execInfo, runExecPlugin } from './exec-credential.js';
import { type Endpoint, type KubeconfigFile, kubeconfigPaths, type Material, resolveEndpoint } from './kubeconfig.js';

type TlsOptions = Pick<ConnectionOptions, 'ca' | 'cert' | 'key' | 'rejectUnauthorized' | 'servername'>;

/** An HTTP answer (any status), or why there was none. */
export type ApiResponse = { status: number; body: unknown } | { status: 0; error: string; body?: undefined };

export interface KubeApi {
  readonly endpoint: Endpoint;
  get(path: string, options?: RequestOptions): Promise<ApiResponse>;
  post(path: string, body: unknown, options?: RequestOptions): Promise<ApiResponse>;
  /** Which protocol the requests travel over now (h2 until the server turns out not to speak it). */
  protocol(): 'h2' | 'http/1.1';
  /** Lets the process exit: kept-alive sockets would hold it open. */
  close(): void;
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /**
   * Metadata only, of one object or of a list: no Secret data crosses the wire when all
   * we want is whether it exists or what its labels say.
   */
  metadataOnly?: 'object' | 'list';
}

export interface ApiTarget {
  kubeconfig?: string | undefined;
  kubeContext?: string | undefined;
}

/** Bounds each request like kubectl's --request-timeout=10s. */
const REQUEST_TIMEOUT_MS = 10_000;

async function readKubeconfigs(paths: readonly string[], explicit: boolean): Promise<KubeconfigFile[] | string> {
  const files: KubeconfigFile[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      // KUBECONFIG may list files that do not exist (kubectl skips them); --kubeconfig may not.
      if (!explicit && (e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return `cannot read ${path}`;
    }
    try {
      files.push({ path, doc: parse(text) });
    } catch {
      return `cannot parse ${path}`;
    }
  }
  return files;
}

async function load(m: Material | undefined): Promise<Buffer | undefined> {
  if (!m) return undefined;
  return 'data' in m ? Buffer.from(m.data, 'base64') : readFile(m.file);
}

/**
 * A client for the cluster kubectl would use, or the reason there is none (then the
 * caller uses kubectl). Never throws.
 */
export async function openKubeApi(
  target: ApiTarget,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ ok: true; api: KubeApi } | { ok: false; reason: string }> {
  const files = await readKubeconfigs(kubeconfigPaths(target.kubeconfig, env, homedir()), !!target.kubeconfig);
  if (typeof files === 'string') return { ok: false, reason: files };
  const r = resolveEndpoint(files, target.kubeContext, env);
  if (!r.ok) return r;
  const e = r.endpoint;
  try {
    const [ca, cert, key, tokenFile] = await Promise.all([
      load(e.ca),
      load(e.cert),
      load(e.key),
      e.token && 'file' in e.token ? readFile(e.token.file, 'utf8') : undefined,
    ]);
    let token = e.token && 'value' in e.token ? e.token.value : tokenFile?.trim();
    let pem: { cert: string; key: string } | undefined;
    if (e.exec) {
      const caData = e.ca && 'data' in e.ca ? e.ca.data : ca?.toString('base64');
      const got = await runExecPlugin(e.exec, execInfo(e.exec, e, caData), env);
      if (!got.ok) return got;
      // As in client-go: what the plugin returns wins over static credentials.
      token = got.token ?? token;
      if (got.cert && got.key) pem = { cert: got.cert, key: got.key };
    }
    const clientCert = pem?.cert ?? cert;
    const clientKey = pem?.key ?? key;
    const tls: TlsOptions = {
      ...(ca ? { ca } : {}),
      ...(clientCert ? { cert: clientCert } : {}),
      ...(clientKey ? { key: clientKey } : {}),
      rejectUnauthorized: !e.insecure,
      ...(e.tlsServerName ? { servername: e.tlsServerName } : {}),
    };
    return { ok: true, api: kubeApiOver(e, tls, token) };
  } catch (err) {
    return { ok: false, reason: `cannot read credentials: ${(err as Error).message}` };
  }
}

const METADATA_ONLY = {
  object: 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1',
  list: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
};

function answer(status: number, text: string): ApiResponse {
  try {
    return { status, body: text ? JSON.parse(text) : undefined };
  } catch {
    return { status, body: text };
  }
}

/** How one request travels; `undefined` from HTTP/2 means "this server does not speak it". */
type Send = (
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  payload: string | undefined,
  signal: AbortSignal,
) => Promise<ApiResponse>;

function viaHttps(server: string, agent: Agent): Send {
  return (method, path, headers, payload, signal) =>
    new Promise<ApiResponse>((resolve) => {
      const length = payload ? { 'Content-Length': String(Buffer.byteLength(payload)) } : {};
      const req = request(`${server}${path}`, { method, agent, headers: { ...headers, ...length }, signal }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) => resolve({ status: 0, error: err.message }));
        res.on('end', () => resolve(answer(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
      });
      req.on('error', (err) => resolve({ status: 0, error: err.message }));
      req.end(payload);
    });
}

/**
 * HTTP/2 on one connection: a round of parallel reads costs one TLS handshake instead
 * of one per socket. A server (or a proxy in front of it) that does not negotiate h2
 * makes the whole client fall back to HTTPS/1.1 for good.
 */
function viaHttp2(server: string, tls: TlsOptions, fallback: Send): { send: Send; fellBack(): boolean; close(): void } {
  let session: ClientHttp2Session | undefined;
  let failed = false;
  // The connection keeps the process alive only while a request waits on it.
  let inFlight = 0;
  const settle = () => {
    inFlight -= 1;
    if (inFlight === 0) session?.unref();
  };
  const open = () => {
    if (!session || session.closed || session.destroyed) {
      session = connect(server, tls);
      session.on('error', () => undefined);
    }
    session.ref();
    return session;
  };
  const send: Send = (method, path, headers, payload, signal) => {
    if (failed) return fallback(method, path, headers, payload, signal);
    inFlight += 1;
    return new Promise<ApiResponse>((resolve) => {
      let status = 0;
      const chunks: Buffer[] = [];
      const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
      let req: ClientHttp2Stream;
      try {
        req = open().request({ ':method': method, ':path': path, ...lower }, { signal });
      } catch {
        failed = true;
        resolve(fallback(method, path, headers, payload, signal));
        return;
      }
      req.on('response', (h) => {
        status = Number(h[':status'] ?? 0);
      });
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(answer(status, Buffer.concat(chunks).toString('utf8'))));
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (signal.aborted) return resolve({ status: 0, error: err.message });
        // No answer at all over h2: try the same request once over HTTPS/1.1, and stay there.
        if (status === 0) {
          failed = true;
          resolve(fallback(method, path, headers, payload, signal));
        } else resolve({ status: 0, error: err.message });
      });
      req.end(payload);
    }).finally(settle);
  };
  return { send, fellBack: () => failed, close: () => session?.close() };
}

function kubeApiOver(endpoint: Endpoint, tls: TlsOptions, token: string | undefined): KubeApi {
  const agent = new Agent({ keepAlive: true, maxSockets: 8, ...tls });
  const h2 = viaHttp2(endpoint.server, tls, viaHttps(endpoint.server, agent));
  const send = (method: 'GET' | 'POST', path: string, body: unknown, o: RequestOptions = {}) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {
      Accept: o.metadataOnly ? METADATA_ONLY[o.metadataOnly] : 'application/json',
      'User-Agent': 'flask-helm-wizard',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(payload ? { 'Content-Type': 'application/json' } : {}),
    };
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    return h2.send(method, path, headers, payload, o.signal ? AbortSignal.any([o.signal, timeout]) : timeout);
  };
  return {
    endpoint,
    get: (path, o) => send('GET', path, undefined, o),
    post: (path, body, o) => send('POST', path, body, o),
    protocol: () => (h2.fellBack() ? 'http/1.1' : 'h2'),
    close: () => {
      h2.close();
      agent.destroy();
    },
  };
}
