// Which API server, and with which credentials, kubectl would talk to — computed the
// way kubectl merges kubeconfig files, for the common cases: a client certificate, a
// bearer token, or an exec credential plugin (EKS, GKE, AKS, OIDC helpers) that runs
// without a terminal. Anything else (auth-provider, basic auth, impersonation,
// proxies, interactive plugins) is reported as unsupported, and the caller stays with
// kubectl, which knows all of it. Pure: file contents in, decision out.

export interface KubeconfigFile {
  /** Where it was read from: relative certificate and token paths are relative to it. */
  path: string;
  doc: unknown;
}

/** Base64 data, or a file to read (absolute). */
export type Material = { data: string } | { file: string };

/** A client-go exec credential plugin, as the kubeconfig names it. */
export interface ExecPlugin {
  apiVersion: string;
  /** Absolute when the kubeconfig gives a path with a slash; otherwise looked up on PATH. */
  command: string;
  args: string[];
  env: Record<string, string>;
  provideClusterInfo: boolean;
}

export interface Endpoint {
  context: string;
  cluster: string;
  /** https://host:port[/prefix], without a trailing slash. */
  server: string;
  ca?: Material;
  cert?: Material;
  key?: Material;
  token?: { value: string } | { file: string };
  /** Run once per process for a token or a client certificate. */
  exec?: ExecPlugin;
  insecure: boolean;
  tlsServerName?: string;
  /** The context's cluster and context entries as `kubectl config view --minify` shows them, credentials left out. */
  view: { clusters: { name: string; cluster: Record<string, unknown> }[]; contexts: Named[] };
}

export type EndpointResolution = { ok: true; endpoint: Endpoint } | { ok: false; reason: string };

type Obj = Record<string, unknown>;
interface Named {
  name: string;
  context: Obj;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : path.slice(0, i);
}

function absolute(file: string, from: string): string {
  return file.startsWith('/') ? file : `${dirOf(from)}/${file}`;
}

/** The first file that names an entry wins it, as with kubectl's KUBECONFIG merging. */
function findEntry(files: readonly KubeconfigFile[], list: string, name: string, field: string) {
  for (const f of files) {
    const entries = isObj(f.doc) ? f.doc[list] : undefined;
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      if (isObj(e) && e.name === name && isObj(e[field])) return { entry: e[field] as Obj, from: f.path };
    }
  }
  return undefined;
}

function material(entry: Obj, dataKey: string, fileKey: string, from: string): Material | undefined {
  const data = str(entry[dataKey]);
  if (data) return { data };
  const file = str(entry[fileKey]);
  return file ? { file: absolute(file, from) } : undefined;
}

const UNSUPPORTED_USER_KEYS = ['auth-provider', 'username', 'password', 'as', 'as-uid', 'as-groups'];
const EXEC_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];

function execPlugin(entry: unknown, from: string): ExecPlugin | string {
  if (!isObj(entry)) return 'the exec entry is not a map';
  const apiVersion = str(entry.apiVersion) ?? '';
  if (!EXEC_VERSIONS.includes(apiVersion)) return `exec plugin apiVersion "${apiVersion}"`;
  // A plugin that must ask the user (a browser login, a PIN) needs kubectl's terminal.
  if (entry.interactiveMode === 'Always') return 'an exec plugin that needs a terminal';
  const command = str(entry.command);
  if (!command) return 'an exec plugin without a command';
  const args = Array.isArray(entry.args) ? entry.args.filter((a): a is string => typeof a === 'string') : [];
  const env: Record<string, string> = {};
  if (Array.isArray(entry.env)) {
    for (const e of entry.env) if (isObj(e) && str(e.name)) env[e.name as string] = String(e.value ?? '');
  }
  return {
    apiVersion,
    command: command.includes('/') ? absolute(command, from) : command,
    args,
    env,
    provideClusterInfo: entry.provideClusterInfo === true,
  };
}

export function resolveEndpoint(
  files: readonly KubeconfigFile[],
  contextOverride: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): EndpointResolution {
  const current =
    contextOverride ??
    files.map((f) => (isObj(f.doc) ? str(f.doc['current-context']) : undefined)).find((c) => c !== undefined);
  if (!current) return { ok: false, reason: 'no current context' };
  const ctx = findEntry(files, 'contexts', current, 'context');
  if (!ctx) return { ok: false, reason: `context ${current} not found` };
  const clusterName = str(ctx.entry.cluster);
  const userName = str(ctx.entry.user);
  const cluster = clusterName ? findEntry(files, 'clusters', clusterName, 'cluster') : undefined;
  if (!cluster || !clusterName) return { ok: false, reason: `cluster of context ${current} not found` };
  const server = str(cluster.entry.server)?.replace(/\/+$/, '');
  if (!server?.startsWith('https://')) return { ok: false, reason: 'server is not an https:// URL' };
  if (str(cluster.entry['proxy-url'])) return { ok: false, reason: 'the cluster is reached through a proxy' };
  if (proxied(server, env)) return { ok: false, reason: 'an HTTPS proxy is set in the environment' };
  const user = userName ? (findEntry(files, 'users', userName, 'user') ?? { entry: {}, from: '' }) : undefined;
  const userEntry = user?.entry ?? {};
  const odd = UNSUPPORTED_USER_KEYS.find((k) => userEntry[k] !== undefined);
  if (odd) return { ok: false, reason: `user credentials use "${odd}"` };

  const ca = material(cluster.entry, 'certificate-authority-data', 'certificate-authority', cluster.from);
  const cert = user && material(userEntry, 'client-certificate-data', 'client-certificate', user.from);
  const key = user && material(userEntry, 'client-key-data', 'client-key', user.from);
  if ((cert === undefined) !== (key === undefined)) return { ok: false, reason: 'client certificate without key' };
  const tokenValue = str(userEntry.token);
  const tokenFile = str(userEntry.tokenFile);
  const token = tokenValue
    ? { value: tokenValue }
    : tokenFile && user
      ? { file: absolute(tokenFile, user.from) }
      : undefined;
  const exec = userEntry.exec === undefined || !user ? undefined : execPlugin(userEntry.exec, user.from);
  if (typeof exec === 'string') return { ok: false, reason: `user credentials use ${exec}` };
  const tlsServerName = str(cluster.entry['tls-server-name']);
  const { 'certificate-authority-data': _data, ...clusterShown } = cluster.entry;
  return {
    ok: true,
    endpoint: {
      context: current,
      cluster: clusterName,
      server,
      ...(ca ? { ca } : {}),
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
      ...(token ? { token } : {}),
      ...(exec ? { exec } : {}),
      insecure: cluster.entry['insecure-skip-tls-verify'] === true,
      ...(tlsServerName ? { tlsServerName } : {}),
      view: {
        clusters: [{ name: clusterName, cluster: clusterShown }],
        contexts: [{ name: current, context: ctx.entry }],
      },
    },
  };
}

/** Go's rules, as kubectl applies them: loopback is never proxied; NO_PROXY may exempt the host. */
function proxied(server: string, env: Readonly<Record<string, string | undefined>>): boolean {
  const proxy = env.HTTPS_PROXY ?? env.https_proxy;
  if (!proxy) return false;
  const host = new URL(server).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1' || host.startsWith('127.')) return false;
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return !noProxy.some(
    (p) => p === '*' || host === p.replace(/^\./, '') || host.endsWith(p.startsWith('.') ? p : `.${p}`),
  );
}

/** The kubeconfig files kubectl would read, in merge order. */
export function kubeconfigPaths(
  kubeconfigFlag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string[] {
  if (kubeconfigFlag) return [kubeconfigFlag];
  const list = (env.KUBECONFIG ?? '').split(':').filter(Boolean);
  return list.length > 0 ? [...new Set(list)] : [`${home}/.kube/config`];
}
