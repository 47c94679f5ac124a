// `npx flask-helm-wizard --help` as a user meets it, against a well-known create-* CLI
// and the direct start, in one run (run by hand; not a test):
//   node bench/npx.mjs [rounds]        (default 5)
// A local Verdaccio on 127.0.0.1 (test/package/local-registry.mjs, no uplinks) gets
// this checkout's `npm pack` and create-vite's own npm tarball (fetched once with
// `npm pack create-vite@VERSION` into ~/.cache/flask-helm-wizard/bench/). Then, per round:
// - cold: empty npm cache and new HOME (so no compile cache either), in an empty folder;
// - warm: the same, a second time with the cache a first run filled;
// - direct: `node bin/flask-helm-wizard.js --help` of the checkout;
// - `npm --version`: npm loading itself, which every npx run pays before anything else.
// `npm pack` runs prepack, so dist/ is then the release build: the direct start runs the
// very files the package ships (run `npm run build` afterwards for source maps again).
// Prints medians; goals (issue #15): cold npx ≤ 3 s, warm npx ≤ 1.5 × direct.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startRegistry } from '../test/package/local-registry.mjs';

const REPO = join(import.meta.dirname, '..');
const ROUNDS = Number(process.argv[2] ?? 5);
const CREATE_VITE = 'create-vite@9.3.0';
const root = mkdtempSync(join(tmpdir(), 'fhw-bench-npx-'));

/** Environment of a user whose npm cache and HOME live under `dir`. */
function userEnv(dir, npmrc) {
  return {
    PATH: [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: join(dir, 'home'),
    TMPDIR: tmpdir(),
    NO_COLOR: '1',
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_userconfig: npmrc ?? join(dir, 'home/.npmrc'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

function npm(args, cwd, env) {
  return execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Milliseconds from spawn to exit; fails on a non-zero exit or a missing `expect`. */
function timed(cmd, args, cwd, env, expect) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d.toString();
    });
    child.stderr.on('data', (d) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0 || !out.includes(expect)) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out}`));
      else resolve(ms);
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function createViteTarball() {
  const dir = join(process.env.FHW_CACHE_DIR ?? join(homedir(), '.cache/flask-helm-wizard'), 'bench');
  const file = join(dir, `${CREATE_VITE.replace('@', '-')}.tgz`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  // The public npm registry, through npm itself: the only download this bench makes.
  const [info] = JSON.parse(execFileSync('npm', ['pack', CREATE_VITE, '--json', '--pack-destination', root]));
  renameSync(join(root, info.filename), file);
  return file;
}

const registry = await startRegistry(join(root, 'registry'));
process.on('exit', () => registry.stop());
try {
  console.log('packing flask-helm-wizard (prepack: release build) and fetching create-vite…');
  const publisher = userEnv(join(root, 'publisher'), registry.npmrc);
  const [fhw] = JSON.parse(npm(['pack', '--json', '--pack-destination', root], REPO, publisher).replace(/^[^[]*/, ''));
  const vite = await createViteTarball();
  for (const tarball of [join(root, fhw.filename), vite]) npm(['publish', tarball], root, publisher);

  const variants = [
    { name: 'flask-helm-wizard', pkg: 'flask-helm-wizard', expect: 'Usage: flask-helm-wizard' },
    { name: 'create-vite', pkg: 'create-vite', expect: 'Usage: create-vite' },
  ];
  const samples = {};
  const add = (key, ms) => {
    samples[key] ??= [];
    samples[key].push(ms);
  };
  const direct = userEnv(join(root, 'direct'));
  const bin = join(REPO, 'bin/flask-helm-wizard.js');
  await timed(process.execPath, [bin, '--help'], root, direct, 'Usage:'); // fills its compile cache
  let user = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    for (const v of variants) {
      const dir = join(root, `user-${++user}`);
      const cwd = join(dir, 'work');
      mkdirSync(cwd, { recursive: true });
      const env = userEnv(dir);
      const args = ['--yes', '--registry', registry.url, v.pkg, '--help'];
      add(`${v.name} npx cold`, await timed('npx', args, cwd, env, v.expect));
      add(`${v.name} npx warm`, await timed('npx', args, cwd, env, v.expect));
    }
    add(
      'flask-helm-wizard direct (node bin/…)',
      await timed(process.execPath, [bin, '--help'], root, direct, 'Usage:'),
    );
    // npm's own start: the floor under every npx run, whatever package it runs.
    add('npm --version (npx floor)', await timed('npm', ['--version'], root, direct, '.'));
    process.stdout.write(`round ${round}/${ROUNDS} done\n`);
  }

  console.log(`\nnpx … --help against a local registry, node ${process.version}, median of ${ROUNDS}:`);
  for (const [key, xs] of Object.entries(samples)) {
    console.log(
      `  ${key.padEnd(40)} ${median(xs).toFixed(0).padStart(6)} ms   (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`,
    );
  }
  const cold = median(samples['flask-helm-wizard npx cold']);
  const warm = median(samples['flask-helm-wizard npx warm']);
  const directMs = median(samples['flask-helm-wizard direct (node bin/…)']);
  console.log(`\ngoal cold npx ≤ 3000 ms: ${cold.toFixed(0)} ms ${cold <= 3000 ? 'met' : 'NOT met'}`);
  console.log(
    `goal warm npx ≤ 1.5 × direct (${(1.5 * directMs).toFixed(0)} ms): ${warm.toFixed(0)} ms = ${(warm / directMs).toFixed(2)} × direct ${warm <= 1.5 * directMs ? 'met' : 'NOT met'}`,
  );
} finally {
  await registry.stop();
}
