// Helm 3 and Helm 4 take different flags; the major version is detected once per run,
// and remembered per binary (version-cache.ts) so later runs skip the process.
import type { MissingBinary, Runner, RunResult } from '../runner.js';
import { rememberedVersion, versionCacheFile } from '../version-cache.js';

export { versionCacheFile };

export type HelmMajor = 3 | 4;

export interface HelmBin {
  path: string;
  major: HelmMajor;
  version: string;
}

export type HelmVersionResult = { ok: true; helm: HelmBin } | { ok: false; error: MissingBinary | UnsupportedHelm };

export interface UnsupportedHelm {
  kind: 'unsupported-helm';
  message: string;
  hint: string;
}

/** Parses `v3.17.3` / `v4.1.4+g1234` into a supported major, or explains why not. */
export function parseHelmVersion(raw: string): { major: HelmMajor; version: string } | UnsupportedHelm {
  const version = raw.trim();
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  const major = match ? Number(match[1]) : Number.NaN;
  if (major === 3 || major === 4) return { major, version };
  return {
    kind: 'unsupported-helm',
    message: match ? `helm ${version} is not supported` : `could not read the helm version from "${version}"`,
    hint: 'use Helm 3 (3.8 or newer) or Helm 4, or point --helm-binary at one',
  };
}

/** What `helm version` said, as a result. Pure. */
function fromRun(path: string, r: RunResult): HelmVersionResult {
  if (r.missing) return { ok: false, error: r.missing };
  if (r.exitCode !== 0) {
    return {
      ok: false,
      error: {
        kind: 'unsupported-helm',
        message: `${path} version failed: ${r.stderr.trim() || `exit ${r.exitCode}`}`,
        hint: 'check that --helm-binary points at a working helm',
      },
    };
  }
  const parsed = parseHelmVersion(r.stdout);
  return 'kind' in parsed ? { ok: false, error: parsed } : { ok: true, helm: { path, ...parsed } };
}

export async function detectHelm(
  runner: Runner,
  path: string,
  signal?: AbortSignal,
  cacheFile: string | null = versionCacheFile(),
): Promise<HelmVersionResult> {
  let probed: HelmVersionResult | undefined;
  const { version } = await rememberedVersion(
    path,
    async () => {
      probed = fromRun(
        path,
        await runner.run(path, ['version', '--template', '{{.Version}}'], signal ? { signal } : {}),
      );
      return probed.ok ? probed.helm.version : undefined;
    },
    cacheFile,
  );
  if (probed) return probed;
  const parsed = parseHelmVersion(version ?? '');
  return 'kind' in parsed ? { ok: false, error: parsed } : { ok: true, helm: { path, ...parsed } };
}
