// Read-only requests to the Kubernetes API over one kept-alive TLS connection pool.
// Each kubectl process costs ~60 ms of CPU to start (six in parallel take ~0.3 s on a
// two-core machine); the same reads over HTTPS take a few milliseconds each. Writes
// stay with kubectl and helm.
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:https';
import { homedir } from 'node:os';
import { parse } from 'yaml';
import { type Endpoint, type KubeconfigFile, kubeconfigPaths, type Material, resolveEndpoint } from './kubeconfig.js';

/** An HTTP answer (any status), or why there was none. */
export type ApiResponse = { status: number; body: unknown } | { status: 0; error: string; body?: undefined };

export interface KubeApi {
  readonly endpoint: Endpoint;
  get(path: string, options?: RequestOptions): Promise<ApiResponse>;
  post(path: string, body: unknown, options?: RequestOptions): Promise<ApiResponse>;
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
    const token = e.token && 'value' in e.token ? e.token.value : tokenFile?.trim();
    const agent = new Agent({
      keepAlive: true,
      maxSockets: 8,
      ...(ca ? { ca } : {}),
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
      rejectUnauthorized: !e.insecure,
      ...(e.tlsServerName ? { servername: e.tlsServerName } : {}),
    });
    return { ok: true, api: httpsApi(e, agent, token) };
  } catch (err) {
    return { ok: false, reason: `cannot read credentials: ${(err as Error).message}` };
  }
}

const METADATA_ONLY = {
  object: 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1',
  list: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
};

function httpsApi(endpoint: Endpoint, agent: Agent, token: string | undefined): KubeApi {
  const send = (method: 'GET' | 'POST', path: string, body: unknown, o: RequestOptions = {}) =>
    new Promise<ApiResponse>((resolve) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = {
        Accept: o.metadataOnly ? METADATA_ONLY[o.metadataOnly] : 'application/json',
        'User-Agent': 'flask-helm-wizard',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(payload
          ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) }
          : {}),
      };
      const signal = o.signal
        ? AbortSignal.any([o.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)])
        : AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      const req = request(`${endpoint.server}${path}`, { method, agent, headers, signal }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) => resolve({ status: 0, error: err.message }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
          } catch {
            resolve({ status: res.statusCode ?? 0, body: text });
          }
        });
      });
      req.on('error', (err) => resolve({ status: 0, error: err.message }));
      req.end(payload);
    });
  return {
    endpoint,
    get: (path, o) => send('GET', path, undefined, o),
    post: (path, body, o) => send('POST', path, body, o),
    close: () => agent.destroy(),
  };
}
