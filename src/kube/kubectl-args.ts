// Every kubectl command line flask-helm-wizard runs. Pure: data in, argv out. Output is
// always asked for as JSON (or `-o name`), never parsed from human tables.
import type { Command } from './helm/args.js';

export interface KubectlTarget {
  path: string;
  kubeContext?: string | undefined;
  kubeconfig?: string | undefined;
}

/** Bounds every API call so an unreachable cluster fails in seconds, not minutes. */
const REQUEST_TIMEOUT = '--request-timeout=10s';

function base(k: KubectlTarget): string[] {
  const args: string[] = [];
  if (k.kubeContext) args.push('--context', k.kubeContext);
  if (k.kubeconfig) args.push('--kubeconfig', k.kubeconfig);
  return args;
}

function cmd(k: KubectlTarget, args: string[]): Command {
  return { cmd: k.path, args: [...base(k), ...args] };
}

export const kubectl = {
  currentContext: (k: KubectlTarget) => cmd(k, ['config', 'current-context']),
  /** The active context's cluster entry (server URL) with credentials left out. */
  configView: (k: KubectlTarget) => cmd(k, ['config', 'view', '--minify', '--output', 'json']),
  serverVersion: (k: KubectlTarget) => cmd(k, ['version', '--output', 'json', REQUEST_TIMEOUT]),
  clientVersion: (k: KubectlTarget) => cmd(k, ['version', '--client', '--output', 'json']),
  apiVersions: (k: KubectlTarget) => cmd(k, ['api-versions', REQUEST_TIMEOUT]),
  /**
   * Several SelfSubjectAccessReviews (a List on stdin) in one process: one line
   * `resource=true|false` per review, the same answers `kubectl auth can-i` gives.
   */
  accessReviews: (k: KubectlTarget) =>
    cmd(k, [
      'create',
      '--validate=false',
      '--filename',
      '-',
      '--output',
      'jsonpath={.spec.resourceAttributes.verb} {.spec.resourceAttributes.resource}={.status.allowed}{"\\n"}',
      REQUEST_TIMEOUT,
    ]),
  getClusterScoped: (k: KubectlTarget, kind: string) => cmd(k, ['get', kind, '--output', 'json', REQUEST_TIMEOUT]),
  getNamed: (k: KubectlTarget, kind: string, name: string, namespace?: string) =>
    cmd(k, [
      'get',
      kind,
      name,
      ...(namespace ? ['--namespace', namespace] : []),
      '--output',
      'name',
      '--ignore-not-found',
      REQUEST_TIMEOUT,
    ]),
  /** Several kinds in one call (`pods,jobs,deployments`): one process per poll instead of many. */
  objects: (k: KubectlTarget, namespace: string, kinds: readonly string[], selector: string) =>
    cmd(k, [
      'get',
      kinds.join(','),
      '--namespace',
      namespace,
      '--selector',
      selector,
      '--output',
      'json',
      REQUEST_TIMEOUT,
    ]),
  events: (k: KubectlTarget, namespace: string) =>
    cmd(k, ['get', 'events', '--namespace', namespace, '--output', 'json', REQUEST_TIMEOUT]),
  logs: (
    k: KubectlTarget,
    namespace: string,
    pod: string,
    o: { container?: string | undefined; tail: number; previous?: boolean },
  ) =>
    cmd(k, [
      'logs',
      pod,
      '--namespace',
      namespace,
      ...(o.container ? ['--container', o.container] : []),
      '--tail',
      String(o.tail),
      ...(o.previous ? ['--previous'] : []),
      REQUEST_TIMEOUT,
    ]),
  /** Listens on 127.0.0.1 only: a dev tunnel must never be reachable from the network. */
  portForward: (
    k: KubectlTarget,
    namespace: string,
    resource: string,
    localPort: number,
    remotePort: number | string,
  ) =>
    cmd(k, [
      'port-forward',
      resource,
      `${localPort}:${remotePort}`,
      '--namespace',
      namespace,
      '--address',
      '127.0.0.1',
    ]),
  /** Manifests arrive on stdin so Secret data never appears in argv. */
  applyStdin: (k: KubectlTarget, namespace: string) =>
    cmd(k, ['apply', '--namespace', namespace, '--filename', '-', REQUEST_TIMEOUT]),
  deleteBySelector: (k: KubectlTarget, namespace: string, kinds: string, selector: string) =>
    cmd(k, [
      'delete',
      kinds,
      '--namespace',
      namespace,
      '--selector',
      selector,
      '--ignore-not-found',
      '--wait=false',
      REQUEST_TIMEOUT,
    ]),
};
