// `npx flask-helm-wizard` the way a user meets it (issue #15), against a real npm
// registry on 127.0.0.1 (Verdaccio, no uplinks): publish the packed tarball, then in
// empty folders with empty npm caches run `npx … --help` and a headless `render`.
// helm comes from PATH only (the checkout's .cache/bin), as it would on a user's machine.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { bareEnv, type Packed, packStaged, run, tempDir } from './helpers.js';
import { type LocalRegistry, startRegistry } from './local-registry.mjs';

let root: string;
let packed: Packed;
let registry: LocalRegistry;

beforeAll(async () => {
  root = await tempDir();
  [packed, registry] = await Promise.all([packStaged(root), startRegistry(join(root, 'registry'))]);
}, 300_000);

afterAll(async () => {
  await registry?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A new user's empty folder and empty npm cache; the registry only through `--registry`. */
function newUser(name: string): { cwd: string; env: NodeJS.ProcessEnv; cache: string } {
  const dir = join(root, name);
  const { env, cache } = bareEnv(dir);
  const cwd = join(dir, 'work');
  mkdirSync(cwd, { recursive: true });
  return { cwd, env, cache };
}

describe('a real npm registry on 127.0.0.1', () => {
  test('npm publish --dry-run is clean: exit 0, no warning', async () => {
    const { env } = bareEnv(join(root, 'publisher'), { registry: `${registry.url}/`, npmrc: registry.npmrc });
    const r = await run('npm', ['publish', '--dry-run'], { cwd: packed.stage, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => /^npm (warn|error)/i.test(l))).toEqual([]);
    expect(r.stderr).toContain('flask-helm-wizard@0.1.0');
    expect(r.stderr).toContain('(dry-run)');
  });

  test('publishes the tarball, and serves it back', async () => {
    const { env } = bareEnv(join(root, 'publisher'), { registry: `${registry.url}/`, npmrc: registry.npmrc });
    const r = await run('npm', ['publish', packed.tarball], { cwd: root, env });
    expect(r.code, `${r.stderr}\n${registry.log()}`).toBe(0);
    const meta = (await (await fetch(`${registry.url}/flask-helm-wizard`)).json()) as {
      'dist-tags': Record<string, string>;
      versions: Record<string, { dependencies?: Record<string, string> }>;
    };
    expect(meta['dist-tags'].latest).toBe('0.1.0');
    expect(meta.versions['0.1.0']?.dependencies ?? {}).toEqual({});
    // Nothing else is there, and nothing is fetched from elsewhere (no uplinks).
    expect((await fetch(`${registry.url}/react`)).status).toBe(404);
  });

  test('cold npx --registry … flask-helm-wizard --help, in an empty folder with an empty cache', async () => {
    const u = newUser('help');
    const r = await run('npx', ['--yes', '--registry', registry.url, 'flask-helm-wizard', '--help'], u);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Usage: flask-helm-wizard');
    expect(r.stdout).toContain('render');
    // npx installed it into that cache, from this registry.
    expect(existsSync(join(u.cache, '_npx'))).toBe(true);
    expect(readdirSync(u.cwd)).toEqual([]);
  });

  test('cold npx --registry … flask-helm-wizard render -e dev --yes writes the values file and the manifests', async () => {
    const u = newUser('render');
    const args = [
      'render',
      '-e',
      'dev',
      '-n',
      'dev-flask-app',
      '--yes',
      '--values-file',
      'v.yaml',
      '--output-dir',
      'm',
    ];
    const r = await run('npx', ['--yes', '--registry', registry.url, 'flask-helm-wizard', ...args], u);
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    const values = parse(readFileSync(join(u.cwd, 'v.yaml'), 'utf8')) as Record<string, unknown>;
    expect(values).toHaveProperty('image');
    const manifests = readdirSync(join(u.cwd, 'm'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => readFileSync(join(u.cwd, 'm', f), 'utf8'))
      .join('\n');
    expect(manifests).toMatch(/^kind: Deployment$/m);
    expect(manifests).toContain('namespace: dev-flask-app');
  });
});
