// The packed package (issue #15, "one package, nothing else to install"): its size and
// contents, an install of the tarball into an empty folder, and the installed bundle's
// imports, read from the files that install put on disk.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPty } from '../helpers/tmux.js';
import { bareEnv, type Packed, packStaged, REPO, run, tempDir } from './helpers.js';
import { moduleSpecifiers } from './specifiers.js';

const MB = 1_000_000;
// The one specifier in the bundle that is neither a builtin nor a file of the bundle:
// scripts/build.mjs answers Ink's DEV-only devtools import with this empty module.
const DEVTOOLS_STUB = 'data:text/javascript,';

let root: string;
let packed: Packed;
let installed: string;
let project: string;

beforeAll(async () => {
  root = await tempDir();
  packed = await packStaged(root);
  project = join(root, 'project');
  const { env } = bareEnv(join(root, 'user'));
  mkdirSync(project);
  const init = await run('npm', ['init', '-y'], { cwd: project, env });
  expect(init.code, init.stderr).toBe(0);
  const install = await run('npm', ['install', packed.tarball], { cwd: project, env });
  expect(install.code, install.stderr).toBe(0);
  installed = join(project, 'node_modules/flask-helm-wizard');
}, 300_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('npm pack', () => {
  test('is at most 1 MB packed and 3 MB unpacked', () => {
    expect(packed.info.size).toBeLessThanOrEqual(1 * MB);
    expect(packed.info.unpackedSize).toBeLessThanOrEqual(3 * MB);
    expect(statSync(packed.tarball).size).toBe(packed.info.size);
  });

  test('ships no source maps, no devtools chunk and nothing from src/ or the tests', () => {
    const paths = packed.info.files.map((f) => f.path);
    expect(paths.filter((p) => p.endsWith('.map'))).toEqual([]);
    expect(paths.filter((p) => /devtools/i.test(p))).toEqual([]);
    expect(paths.filter((p) => /^(src|test|bench|app\/tests|node_modules)\//.test(p))).toEqual([]);
    expect(paths.filter((p) => /__pycache__|\.pyc$|model\.joblib/.test(p))).toEqual([]);
  });

  test('holds the CLI, the chart and everything the app Dockerfile copies', () => {
    const paths = new Set(packed.info.files.map((f) => f.path));
    for (const p of ['package.json', 'README.md', 'bin/flask-helm-wizard.js', 'dist/cli.js'])
      expect(paths).toContain(p);
    // The whole chart as it is in the checkout (helm reads every file of it).
    const chartFiles = readdirSync(join(REPO, 'flask-app'), { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(join(REPO, 'flask-app', f)).isFile())
      .map((f) => `flask-app/${f}`);
    expect(chartFiles.length).toBeGreaterThan(20);
    for (const f of chartFiles) expect(paths).toContain(f);
    // `--load-image` runs `docker build` on the package's app/: each COPY source must be there.
    const dockerfile = readFileSync(join(REPO, 'app/Dockerfile'), 'utf8');
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(\S+) /gm)].map((m) => m[1] as string);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const s of sources) {
      const inPackage = [...paths].filter((p) => p === `app/${s}` || p.startsWith(`app/${s}/`));
      expect(inPackage.length, `app/${s} (COPY in app/Dockerfile)`).toBeGreaterThan(0);
    }
    expect(paths).toContain('app/Dockerfile');
    expect(paths).toContain('app/.dockerignore');
  });
});

describe('npm install of the tarball in an empty folder', () => {
  test('adds exactly one package: flask-helm-wizard itself', () => {
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    expect(Object.keys(lock.packages).filter((k) => k !== '')).toEqual(['node_modules/flask-helm-wizard']);
    const dirs = readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(dirs).toEqual(['flask-helm-wizard']);
  });

  test('the installed bundle imports only node builtins and its own files', () => {
    const dist = join(installed, 'dist');
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files).toContain('cli.js');
    const outside: string[] = [];
    let builtins = 0;
    for (const f of files) {
      const path = join(dist, f);
      const source = readFileSync(path, 'utf8');
      expect(source, `${f} points at a source map`).not.toContain('sourceMappingURL');
      const { literal, computed } = moduleSpecifiers(source, f);
      expect(computed, `${f}: a load whose target cannot be read`).toEqual([]);
      for (const spec of literal) {
        if (spec.startsWith('./') || spec.startsWith('../')) {
          const target = resolve(dirname(path), spec);
          if (!target.startsWith(`${dist}/`) || !existsSync(target)) outside.push(`${f}: ${spec}`);
        } else if (isBuiltin(spec)) builtins++;
        else if (spec !== DEVTOOLS_STUB) outside.push(`${f}: ${spec}`);
      }
    }
    expect(outside).toEqual([]);
    // The parse found the bundle's real loads (a check that saw nothing would pass too).
    expect(builtins).toBeGreaterThan(50);
  });

  test('the installed bin answers --help', async () => {
    const { env } = bareEnv(join(root, 'user'));
    const bin = join(project, 'node_modules/.bin/flask-helm-wizard');
    const r = await run(bin, ['--help'], { cwd: project, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Usage: flask-helm-wizard');
    expect(r.stdout).toContain('render');
  });

  test('with DEV=true the Ink wizard still draws its first question (no devtools, no crash)', async () => {
    const { env } = bareEnv(join(root, 'user'));
    const cwd = join(root, 'dev-true');
    mkdirSync(cwd);
    const bin = join(relative(cwd, project), 'node_modules/.bin/flask-helm-wizard');
    const pty = startPty([bin, 'render', '--values-file', 'v.yaml', '--output-dir', 'm'], {
      cwd,
      env: { ...env, DEV: 'true', TERM: 'xterm-256color' },
    });
    try {
      // The first screen (kube context facts; no cluster here), then the first question.
      await pty.waitFor('not reachable', 60_000);
      await pty.keys('Enter');
      const screen = await pty.waitFor('Which environment is this?');
      expect(screen).not.toContain('react-devtools-core');
      expect(screen).not.toContain('__EXIT=');
    } finally {
      pty.kill();
    }
  });
});
