// Helm 3 and Helm 4 take different flags; the major version is detected once per run,
// and remembered per binary (path, inode, size, mtime) so later runs skip the process.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { MissingBinary, Runner } from './runner.js';

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

/** Where the remembered versions live: $FHW_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache. */
export function versionCacheFile(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const dir = env.FHW_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'flask-helm-wizard');
  return join(dir, 'helm-versions.json');
}

export async function detectHelm(
  runner: Runner,
  path: string,
  signal?: AbortSignal,
  cacheFile: string | null = versionCacheFile(),
): Promise<HelmVersionResult> {
  const key = cacheFile ? await fingerprint(path) : undefined;
  const remembered = key && cacheFile ? (await readCache(cacheFile))[key] : undefined;
  if (remembered) {
    const parsed = parseHelmVersion(remembered);
    if (!('kind' in parsed)) return { ok: true, helm: { path, ...parsed } };
  }
  const r = await runner.run(path, ['version', '--template', '{{.Version}}'], signal ? { signal } : {});
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
  if ('kind' in parsed) return { ok: false, error: parsed };
  if (key && cacheFile) await remember(cacheFile, key, parsed.version);
  return { ok: true, helm: { path, ...parsed } };
}

/** Changes whenever the binary is replaced, upgraded in place or relinked. */
async function fingerprint(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path);
    return `${path}|${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

async function readCache(file: string): Promise<Record<string, string>> {
  try {
    const v = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Best effort: a cache that cannot be written only costs the next run one helm process. */
async function remember(file: string, key: string, version: string): Promise<void> {
  try {
    const entries = Object.entries(await readCache(file)).filter(([k]) => k !== key);
    const kept = Object.fromEntries([...entries.slice(-15), [key, version]]);
    await mkdir(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(kept, null, 1)}\n`);
    await rename(tmp, file);
  } catch {
    // read-only home, full disk: run helm next time
  }
}
