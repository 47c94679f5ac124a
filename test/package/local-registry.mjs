// A real npm registry on 127.0.0.1 for the package tests and bench/npx.mjs: Verdaccio
// (a devDependency) with its storage, config and users in one temp folder and no
// uplinks, so a package that was not published to it is a 404, never a request to the
// public registry. Plain .mjs so that the benchmark can import it without a build.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '../..');
const VERDACCIO = join(REPO, 'node_modules/verdaccio/bin/verdaccio');

/** A port the kernel just handed out on 127.0.0.1 (closed again for Verdaccio to take). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// No `uplinks` and no `proxy:` under packages: Verdaccio serves only what it stores.
// No `middlewares`: its audit middleware would forward `npm audit` to the public registry.
function config(dir) {
  return [
    `storage: ${JSON.stringify(join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
    '    max_users: 10',
    'uplinks: {}',
    'packages:',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    unpublish: $authenticated',
    'web:',
    '  enable: false',
    'log: { type: stdout, format: json, level: warn }',
    '',
  ].join('\n');
}

async function waitUntilUp(url, child, output) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}:\n${output()}`);
    try {
      const r = await fetch(`${url}/-/ping`);
      if (r.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`verdaccio did not answer on ${url} within 60 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts Verdaccio with everything under `dir`, adds one user and writes `dir/npmrc`:
 * the registry and that user's token, for npm_config_userconfig (the token stays in that
 * file, never in an argument or the output).
 */
export async function startRegistry(dir) {
  mkdirSync(join(dir, 'storage'), { recursive: true });
  const configFile = join(dir, 'config.yaml');
  writeFileSync(configFile, config(dir));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [VERDACCIO, '--config', configFile, '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: dir },
  });
  let log = '';
  const collect = (d) => {
    log = (log + d.toString()).slice(-20_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await waitUntilUp(url, child, () => log);
    const name = 'fhw-test';
    const password = randomBytes(18).toString('base64url');
    const r = await fetch(`${url}/-/user/org.couchdb.user:${name}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password }),
    });
    const body = /** @type {{ token?: string }} */ (await r.json());
    if (!r.ok || !body.token) throw new Error(`verdaccio refused to add a user: HTTP ${r.status}`);
    const npmrc = join(dir, 'npmrc');
    writeFileSync(npmrc, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${body.token}\n`, { mode: 0o600 });
    return { url, npmrc, stop, log: () => log };
  } catch (e) {
    await stop();
    throw e;
  }
}
