// Runs a kubeconfig's exec credential plugin (client-go's ExecCredential protocol) once
// per process. kubectl runs it on every invocation — on EKS that is an `aws eks
// get-token` per kubectl process, each taking a second or more; the API client asks
// once and reuses the answer for every read of the run.
import { execFile } from 'node:child_process';
import type { Endpoint, ExecPlugin } from './kubeconfig.js';

export type ExecCredential = { ok: true; token?: string; cert?: string; key?: string } | { ok: false; reason: string };

/** Cloud CLIs take a few seconds on a cold start; a stuck one must not hang the run. */
const EXEC_TIMEOUT_MS = 30_000;

/** KUBERNETES_EXEC_INFO as client-go sets it: never interactive here (no terminal is handed over). */
export function execInfo(
  plugin: ExecPlugin,
  endpoint: Pick<Endpoint, 'server' | 'tlsServerName' | 'insecure'>,
  caData?: string,
): string {
  const cluster = {
    server: endpoint.server,
    ...(caData ? { 'certificate-authority-data': caData } : {}),
    ...(endpoint.tlsServerName ? { 'tls-server-name': endpoint.tlsServerName } : {}),
    ...(endpoint.insecure ? { 'insecure-skip-tls-verify': true } : {}),
  };
  return JSON.stringify({
    apiVersion: plugin.apiVersion,
    kind: 'ExecCredential',
    spec: { interactive: false, ...(plugin.provideClusterInfo ? { cluster } : {}) },
  });
}

/** The plugin's printed ExecCredential → a token or a client certificate (PEM). Pure. */
export function parseExecCredential(stdout: string, apiVersion: string): ExecCredential {
  let doc: { apiVersion?: unknown; kind?: unknown; status?: Record<string, unknown> };
  try {
    doc = JSON.parse(stdout) as typeof doc;
  } catch {
    return { ok: false, reason: 'the exec plugin printed no JSON' };
  }
  if (doc.kind !== 'ExecCredential' || doc.apiVersion !== apiVersion) {
    return { ok: false, reason: `the exec plugin answered ${String(doc.kind)} ${String(doc.apiVersion)}` };
  }
  const s = doc.status ?? {};
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const token = text(s.token);
  const cert = text(s.clientCertificateData);
  const key = text(s.clientKeyData);
  if (!token && !(cert && key)) return { ok: false, reason: 'the exec plugin gave neither a token nor a certificate' };
  return { ok: true, ...(token ? { token } : {}), ...(cert && key ? { cert, key } : {}) };
}

export function runExecPlugin(
  plugin: ExecPlugin,
  info: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<ExecCredential> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...env, ...plugin.env, KUBERNETES_EXEC_INFO: info };
    const child = execFile(
      plugin.command,
      plugin.args,
      { env: childEnv, timeout: EXEC_TIMEOUT_MS, maxBuffer: 1 << 20 },
      (err, stdout) => {
        if (err) {
          const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : err.message.split('\n')[0];
          resolve({ ok: false, reason: `exec plugin ${plugin.command}: ${why}` });
          return;
        }
        resolve(parseExecCredential(stdout, plugin.apiVersion));
      },
    );
    // Its stdin is not the user's terminal: a plugin that wants to ask fails instead of hanging.
    child.stdin?.end();
  });
}
