// The kubectl transport of the cluster reader: one kubectl process per read. Used when
// the kubeconfig needs what only kubectl knows, or when FHW_KUBE_API=0.
import { accessReview, type ClusterReader, RELEASE_KINDS } from './cluster-reader.js';
import { parseList } from './k8s-types.js';
import { type KubectlTarget, kubectl } from './kubectl-args.js';
import type { Runner } from './runner.js';

export function kubectlReader(runner: Runner, k: KubectlTarget): ClusterReader {
  const run = (c: { cmd: string; args: string[] }, signal?: AbortSignal) =>
    runner.run(c.cmd, c.args, signal ? { signal } : {});
  return {
    via: 'kubectl',
    async contextView() {
      const [ctx, view] = await Promise.all([run(kubectl.currentContext(k)), run(kubectl.configView(k))]);
      return { context: k.kubeContext ?? (ctx.exitCode === 0 ? ctx.stdout.trim() || null : null), view: view.stdout };
    },
    async serverVersion(signal) {
      const r = await run(kubectl.serverVersion(k), signal);
      const version = gitVersion(r.stdout);
      if (r.exitCode === 0 && version) return { ok: true, version };
      return { ok: false, reason: r.stderr.trim().split('\n').pop() || 'no answer' };
    },
    async exists(kind, name, namespace) {
      const r = await run(kubectl.getNamed(k, kind, name, namespace));
      return r.exitCode === 0 && r.stdout.trim() !== '';
    },
    async accessReviews(namespace, perms) {
      const c = kubectl.accessReviews(k);
      const items = perms.map((p) => accessReview(namespace, p));
      const r = await runner.run(c.cmd, c.args, { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) });
      const lines = r.stdout.split('\n').filter(Boolean);
      if (r.exitCode !== 0 || lines.length !== perms.length) return {};
      // Output lines come in the order of the reviews sent.
      return Object.fromEntries(perms.map((p, i) => [p, (lines[i] ?? '').endsWith('=true')]));
    },
    async apiVersions() {
      const r = await run(kubectl.apiVersions(k));
      return r.exitCode === 0 ? r.stdout.split('\n').filter(Boolean) : undefined;
    },
    async storageClasses() {
      const r = await run(kubectl.getClusterScoped(k, 'storageclasses'));
      return r.exitCode === 0 ? parseList(r.stdout) : undefined;
    },
    async releaseObjects(namespace, selector, signal) {
      const r = await run(kubectl.objects(k, namespace, RELEASE_KINDS, selector), signal);
      return r.exitCode === 0 ? parseList<{ kind?: string }>(r.stdout) : undefined;
    },
    async events(namespace, signal) {
      const r = await run(kubectl.events(k, namespace), signal);
      return r.exitCode === 0 ? parseList(r.stdout) : undefined;
    },
    // kubectl would fetch the whole release records: `helm history` costs the same process.
    releaseRevisions: async () => undefined,
    close() {},
  };
}

function gitVersion(json: string): string | undefined {
  try {
    const v = (JSON.parse(json) as { serverVersion?: { gitVersion?: unknown } }).serverVersion?.gitVersion;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}
