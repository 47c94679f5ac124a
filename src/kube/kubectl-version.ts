// kubectl's own version (shown on the wizard's first screen), remembered per binary
// like helm's so a warm start runs no kubectl at all.
import { kubectl } from './kubectl-args.js';
import type { Runner } from './runner.js';
import { rememberedVersion, versionCacheFile } from './version-cache.js';

/** `v1.35.4`, or undefined when this kubectl does not answer. */
export async function kubectlClientVersion(
  runner: Runner,
  path: string,
  cacheFile: string | null = versionCacheFile(),
): Promise<string | undefined> {
  const { version } = await rememberedVersion(
    path,
    async () => {
      const c = kubectl.clientVersion({ path });
      const r = await runner.run(c.cmd, c.args);
      if (r.exitCode !== 0) return undefined;
      try {
        const v = (JSON.parse(r.stdout) as { clientVersion?: { gitVersion?: unknown } }).clientVersion?.gitVersion;
        return typeof v === 'string' ? v : undefined;
      } catch {
        return undefined;
      }
    },
    cacheFile,
  );
  return version;
}
