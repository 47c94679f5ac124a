// Versions of helm and kubectl binaries, remembered per binary (path, device, inode,
// size, mtime) so later runs skip starting the process just to ask. Best effort: a
// cache that cannot be read or written costs one process.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the remembered versions live: $FHW_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache. */
export function versionCacheFile(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const dir = env.FHW_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'flask-helm-wizard');
  return join(dir, 'tool-versions.json');
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

/** The remembered version of the binary at `path`, else `probe()` (remembered when it answers). */
export async function rememberedVersion(
  path: string,
  probe: () => Promise<string | undefined>,
  cacheFile: string | null,
): Promise<{ version: string | undefined; cached: boolean }> {
  const key = cacheFile ? await fingerprint(path) : undefined;
  const known = key && cacheFile ? (await readCache(cacheFile))[key] : undefined;
  if (known) return { version: known, cached: true };
  const version = await probe();
  if (version && key && cacheFile) await remember(cacheFile, key, version);
  return { version, cached: false };
}
