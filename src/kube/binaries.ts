// Finding helm and kubectl: flag, then environment variable, then PATH, then the
// copies `npm run tools` puts in <package root>/.cache/bin. The decision is pure over
// gathered facts so the order is unit-tested without touching the file system.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MissingBinary } from './runner.js';

export type BinaryName = 'helm' | 'kubectl';

export interface BinaryLookup {
  name: BinaryName;
  flag: string | undefined;
  env: NodeJS.ProcessEnv;
  packageRoot: string | undefined;
  isExecutable: (path: string) => boolean;
}

export type BinarySource = 'flag' | 'env' | 'path' | 'package-cache';

export type Resolved = { ok: true; path: string; source: BinarySource } | { ok: false; error: MissingBinary };

const ENV_NAME: Record<BinaryName, string> = { helm: 'FHW_HELM', kubectl: 'FHW_KUBECTL' };
const FLAG_NAME: Record<BinaryName, string> = { helm: '--helm-binary', kubectl: '--kubectl-binary' };

export function resolveBinary(lookup: BinaryLookup): Resolved {
  const { name, env, isExecutable } = lookup;
  // An explicit choice that does not work is an error, never silently replaced by another binary.
  if (lookup.flag) {
    return isExecutable(lookup.flag)
      ? { ok: true, path: lookup.flag, source: 'flag' }
      : notFound(name, `${FLAG_NAME[name]} ${lookup.flag} is not an executable file`);
  }
  const fromEnv = env[ENV_NAME[name]];
  if (fromEnv) {
    return isExecutable(fromEnv)
      ? { ok: true, path: fromEnv, source: 'env' }
      : notFound(name, `${ENV_NAME[name]}=${fromEnv} is not an executable file`);
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return { ok: true, path: candidate, source: 'path' };
  }
  if (lookup.packageRoot) {
    const cached = join(lookup.packageRoot, '.cache', 'bin', name);
    if (isExecutable(cached)) return { ok: true, path: cached, source: 'package-cache' };
  }
  return notFound(name, `${name} is not on PATH`);
}

function notFound(name: BinaryName, message: string): Resolved {
  return {
    ok: false,
    error: {
      kind: 'missing-binary',
      binary: name,
      message,
      hint: `install ${name} (or run \`npm run tools\` in a flask-helm-wizard checkout), or pass ${FLAG_NAME[name]} PATH / set ${ENV_NAME[name]}`,
    },
  };
}

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The directory holding flask-helm-wizard's package.json (works from src/ and from the dist/ bundle). */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string | undefined {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'flask-helm-wizard') return dir;
      } catch {
        // an unreadable package.json on the way up is not ours; keep climbing
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface BinaryFlags {
  helmBinary?: string | undefined;
  kubectlBinary?: string | undefined;
}

export function findBinaries(
  flags: BinaryFlags,
  env: NodeJS.ProcessEnv = process.env,
): { helm: Resolved; kubectl: Resolved } {
  const root = packageRoot();
  const base = { env, packageRoot: root, isExecutable: isExecutableFile };
  return {
    helm: resolveBinary({ ...base, name: 'helm', flag: flags.helmBinary }),
    kubectl: resolveBinary({ ...base, name: 'kubectl', flag: flags.kubectlBinary }),
  };
}
