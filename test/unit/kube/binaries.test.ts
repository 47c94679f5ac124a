import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageRoot, resolveBinary } from '../../../src/kube/binaries.js';

const executables = new Set([
  '/flag/helm',
  '/env/helm',
  '/usr/bin/helm',
  '/pkg/.cache/bin/helm',
  '/pkg/.cache/bin/kubectl',
]);
const isExecutable = (p: string) => executables.has(p);

describe('resolveBinary order: flag, env, PATH, package cache', () => {
  const base = { name: 'helm' as const, packageRoot: '/pkg', isExecutable };
  it('prefers the flag', () => {
    expect(resolveBinary({ ...base, flag: '/flag/helm', env: { FHW_HELM: '/env/helm', PATH: '/usr/bin' } })).toEqual({
      ok: true,
      path: '/flag/helm',
      source: 'flag',
    });
  });
  it('then the environment variable', () => {
    expect(resolveBinary({ ...base, flag: undefined, env: { FHW_HELM: '/env/helm', PATH: '/usr/bin' } })).toMatchObject(
      {
        path: '/env/helm',
        source: 'env',
      },
    );
  });
  it('then PATH', () => {
    expect(resolveBinary({ ...base, flag: undefined, env: { PATH: '/nope:/usr/bin' } })).toMatchObject({
      path: '/usr/bin/helm',
      source: 'path',
    });
  });
  it('then <package root>/.cache/bin', () => {
    expect(resolveBinary({ ...base, name: 'kubectl', flag: undefined, env: { PATH: '/usr/bin' } })).toMatchObject({
      path: '/pkg/.cache/bin/kubectl',
      source: 'package-cache',
    });
  });
  it('a broken explicit choice is an error with a hint, not a silent fallback', () => {
    const r = resolveBinary({ ...base, flag: '/missing/helm', env: { PATH: '/usr/bin' } });
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'missing-binary', message: expect.stringContaining('--helm-binary') },
    });
  });
  it('nothing found: says how to fix it', () => {
    const r = resolveBinary({ ...base, packageRoot: undefined, flag: undefined, env: { PATH: '/nope' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.hint).toContain('FHW_HELM');
  });
});

describe('packageRoot', () => {
  // The answer is the clone itself, wherever it was cloned: compare with this file's own
  // repository root, never with a folder name.
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
  it('finds the flask-helm-wizard package from inside src/', () => {
    expect(packageRoot(fileURLToPath(new URL('../../../src/kube/binaries.ts', import.meta.url)))).toBe(repoRoot);
  });

  it('climbs past a package.json of another name and stops at the filesystem root', () => {
    const top = mkdtempSync(join(tmpdir(), 'fhw-root-'));
    try {
      mkdirSync(join(top, 'ours', 'other', 'src'), { recursive: true });
      writeFileSync(join(top, 'ours', 'package.json'), JSON.stringify({ name: 'flask-helm-wizard' }));
      writeFileSync(join(top, 'ours', 'other', 'package.json'), JSON.stringify({ name: 'something-else' }));
      expect(packageRoot(join(top, 'ours', 'other', 'src', 'x.js'))).toBe(join(top, 'ours'));
      expect(packageRoot(join(top, 'x.js'))).toBeUndefined();
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });
});
