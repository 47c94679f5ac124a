import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartVersion, makeSigningKey, publish, type SigningKey } from '../chart/package-signing.js';
import {
  createNamespace,
  deleteNamespace,
  describeFailure,
  E2E_DIR,
  HELM_MAJORS,
  type HelmMajor,
  helm,
  helmBinary,
  isReady,
  listPods,
  parseClusterEnv,
  REPO,
  requireCluster,
  run,
  valuesArgs,
  waitFor,
} from './helpers/index.js';

// The published chart end to end, on Helm 3 and Helm 4: scripts/chart/publish.sh signs
// flask-app and pushes it to the e2e OCI registry (CNCF distribution on 127.0.0.1 with
// htpasswd auth; scripts/e2e/registry-up.sh), then helm pulls it with --verify and
// installs `oci://127.0.0.1:PORT/charts/flask-app --version X` on the e2e cluster (kwok
// lane). Helm 4 goes over TLS with the registry's own CA. Helm 3 takes the plain-HTTP
// replica: its OCI client always speaks HTTP to a loopback host (registry-lib.sh).
// Tests in a block run in order and share one push.

interface Registry {
  /** TLS endpoint (host:port). */
  host: string;
  /** Plain-HTTP replica over the same storage and credentials. */
  httpHost: string;
  ca: string;
  user: string;
  password: string;
}

/** The registry up.sh started, or a thrown error that says how to start it. */
function requireRegistry(): Registry {
  const file = path.join(E2E_DIR, 'registry.env');
  if (!existsSync(file)) throw new Error(`no e2e registry in ${E2E_DIR}: run \`npm run e2e:up\` first`);
  const env = parseClusterEnv(readFileSync(file, 'utf8'));
  const { REGISTRY_HOST: host, REGISTRY_HTTP_HOST: httpHost, REGISTRY_CA: ca, REGISTRY_USER: user } = env;
  const pw = env.REGISTRY_PASSWORD_FILE;
  if (!host || !httpHost || !ca || !user || !pw) {
    throw new Error(`${file} is incomplete; run \`npm run e2e:up\` again`);
  }
  return { host, httpHost, ca, user, password: readFileSync(pw, 'utf8').trim() };
}

requireCluster();
const registry = requireRegistry();
const version = chartVersion();
const work = mkdtempSync(path.join(tmpdir(), 'fhw-e2e-oci-'));
/** A fresh folder under the test's temp dir (helm pull -d needs it to exist). */
const dir = (name: string) => {
  const d = path.join(work, name);
  mkdirSync(d, { recursive: true });
  return d;
};
let key: SigningKey;
let stranger: SigningKey;
beforeAll(async () => {
  [key, stranger] = await Promise.all([
    makeSigningKey(path.join(work, 'key'), 'flask-helm-wizard e2e publisher'),
    makeSigningKey(path.join(work, 'stranger'), 'someone else'),
  ]);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(HELM_MAJORS)('published chart on Helm %i', (major: HelmMajor) => {
  // One helm home for publish.sh and every helm call of this block: registry
  // credentials land there, never in the user's ~/.config/helm.
  const home = path.join(work, `helm${major}`);
  const env = {
    HELM_CONFIG_HOME: path.join(home, 'config'),
    HELM_CACHE_HOME: path.join(home, 'cache'),
    HELM_DATA_HOME: path.join(home, 'data'),
  };
  const h = (args: readonly string[], input?: string) =>
    helm(major, args, { env, timeoutMs: 180_000, ...(input === undefined ? {} : { input }) });
  const host = major === 3 ? registry.httpHost : registry.host;
  const transport = major === 3 ? ['--plain-http'] : ['--ca-file', registry.ca];
  // Helm 3's `registry login` has no --plain-http; over HTTP it needs nothing.
  const loginTransport = major === 3 ? [] : ['--ca-file', registry.ca];
  const ref = `oci://${host}/charts/flask-app`;
  const release = `oci-h${major}`;
  let ns = '';
  let digest = '';
  beforeAll(async () => {
    ns = await createNamespace(`chart-oci-h${major}`);
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
  });

  const push = (extra: readonly string[]) =>
    publish(
      `helm${major}`,
      key,
      path.join(work, `out${major}`),
      ['--push', `oci://${host}/charts`, '--username', registry.user, ...transport, ...extra],
      `${registry.password}\n`,
      env,
    );

  it('publish.sh signs the chart and pushes it to the registry, the password on stdin only', async () => {
    // Every helm command line publish.sh runs is recorded by a wrapper around the real helm.
    const argvLog = path.join(work, `argv${major}.log`);
    const wrapper = path.join(work, `helm${major}-recording`);
    writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${argvLog}'\nexec '${helmBinary(major)}' "$@"\n`, {
      mode: 0o755,
    });
    // --overwrite: the other major's block, or a run before on a reused registry, pushed this version already.
    const res = await push(['--overwrite', '--helm', wrapper]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`pushed ${ref} --version ${version}`);
    expect(res.stdout + res.stderr).not.toContain(registry.password);
    const argv = readFileSync(argvLog, 'utf8');
    expect(argv).toMatch(/^package --sign .*--passphrase-file /m);
    expect(argv).toMatch(/^registry login \S+ --username fhw-publisher --password-stdin/m);
    expect(argv).toMatch(/^push \S+flask-app-\S+\.tgz oci:\/\//m);
    expect(argv).not.toContain(registry.password);
    expect(argv).not.toContain(readFileSync(key.passphraseFile, 'utf8').trim());
    digest = /^digest (sha256:[0-9a-f]{64})$/m.exec(res.stdout)?.[1] ?? '';
    expect(digest).not.toBe('');
  });

  it('publish.sh refuses to replace a version the registry already has', async () => {
    const res = await push([]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`flask-app ${version} is already in oci://${host}/charts`);
    expect(res.stdout).not.toContain('pushed');
  });

  it('the registry refuses a pull without credentials (publish.sh logged out again)', async () => {
    const res = await h(['pull', ref, '--version', version, ...transport, '-d', dir(`anon${major}`)]);
    expect(res.exitCode).not.toBe(0);
    expect(res.stderr).toMatch(/no basic auth credentials|basic credential not found/);
  });

  it('helm registry login (--password-stdin), then helm pull --verify gets the signed chart', async () => {
    const login = await h(
      ['registry', 'login', host, '--username', registry.user, '--password-stdin', ...loginTransport],
      `${registry.password}\n`,
    );
    expect(login.exitCode, describeFailure(login)).toBe(0);
    expect(login.stdout + login.stderr).toMatch(/Login Succeeded/);
    const dest = dir(`pulled${major}`);
    const pull = await h(['pull', ref, '--version', version, ...transport, '-d', dest]);
    expect(pull.exitCode, describeFailure(pull)).toBe(0);
    expect(pull.stdout + pull.stderr).toContain(digest);
    expect(existsSync(path.join(dest, `flask-app-${version}.tgz`))).toBe(true);
    const verified = await h([
      'pull',
      ref,
      '--version',
      version,
      ...transport,
      '--verify',
      '--keyring',
      key.pubring,
      '-d',
      dir(`verified${major}`),
    ]);
    expect(verified.exitCode, describeFailure(verified)).toBe(0);
    expect(verified.stdout + verified.stderr).toContain(`Signed by: ${key.name}`);
    expect(existsSync(path.join(dir(`verified${major}`), `flask-app-${version}.tgz.prov`))).toBe(true);
  });

  it('helm pull --verify refuses the chart against a keyring without its signer', async () => {
    const other = await h([
      'pull',
      ref,
      '--version',
      version,
      ...transport,
      '--verify',
      '--keyring',
      stranger.pubring,
      '-d',
      dir(`stranger${major}`),
    ]);
    expect(other.exitCode).not.toBe(0);
    expect(other.stderr).toMatch(/signature made by unknown entity/);
  });

  it(`helm install ${'oci://127.0.0.1:PORT/charts/flask-app'} --version X deploys on the cluster`, async () => {
    const install = await h([
      'install',
      release,
      ref,
      '--version',
      version,
      ...transport,
      '--verify',
      '--keyring',
      key.pubring,
      '-n',
      ns,
      ...valuesArgs('dev', {}),
      '--wait',
      '--timeout',
      '3m',
    ]);
    expect(install.exitCode, describeFailure(install)).toBe(0);
    const list = await h(['list', '-n', ns, '-o', 'json']);
    expect(list.exitCode, describeFailure(list)).toBe(0);
    const releases = JSON.parse(list.stdout) as { name: string; status: string; chart: string }[];
    expect(releases).toEqual([
      expect.objectContaining({ name: release, status: 'deployed', chart: `flask-app-${version}` }),
    ]);
    const pods = await listPods(ns, `app.kubernetes.io/instance=${release}`);
    const ready = pods.filter(isReady).map((p) => p.metadata.name);
    expect(ready).toEqual(
      expect.arrayContaining([`${release}-postgresql-0`, `${release}-redis-0`, expect.stringMatching(release)]),
    );
    const uninstall = await h(['uninstall', release, '-n', ns, '--wait', '--timeout', '2m']);
    expect(uninstall.exitCode, describeFailure(uninstall)).toBe(0);
  });
});

// registry-up.sh / registry-down.sh on their own, in a throwaway state folder on ports
// next to the suite's registry: reused when running, and down stops both processes.
describe('e2e registry scripts', () => {
  const state = mkdtempSync(path.join(tmpdir(), 'fhw-e2e-registry-'));
  const port = Number(registry.host.split(':')[1]) + 10;
  const env = { E2E_DIR: state, E2E_REGISTRY_PORT: String(port), E2E_REGISTRY_HTTP_PORT: String(port + 1) };
  const script = (name: string) => path.join(REPO, 'scripts', 'e2e', name);
  const pids = () =>
    ['tls', 'http'].map((n) => Number(readFileSync(path.join(state, 'registry', `registry-${n}.pid`), 'utf8')));
  const alive = (pid: number) => existsSync(`/proc/${pid}/cmdline`) && readFileSync(`/proc/${pid}/cmdline`).length > 0;
  afterAll(async () => {
    await run('bash', [script('registry-down.sh')], { env });
    rmSync(state, { recursive: true, force: true });
  });

  it('starts both endpoints, reuses them on a second up, and down stops both and removes the state', async () => {
    const up = await run('bash', [script('registry-up.sh')], { env, timeoutMs: 60_000 });
    expect(up.exitCode, describeFailure(up)).toBe(0);
    const first = pids();
    expect(first.every(alive)).toBe(true);
    const written = parseClusterEnv(readFileSync(path.join(state, 'registry.env'), 'utf8'));
    expect(written).toMatchObject({ REGISTRY_HOST: `127.0.0.1:${port}`, REGISTRY_HTTP_HOST: `127.0.0.1:${port + 1}` });
    expect(up.stdout + up.stderr).not.toContain(readFileSync(written.REGISTRY_PASSWORD_FILE ?? '', 'utf8').trim());

    const again = await run('bash', [script('registry-up.sh')], { env });
    expect(again.stdout).toContain('reused');
    expect(pids()).toEqual(first);

    const down = await run('bash', [script('registry-down.sh')], { env, timeoutMs: 60_000 });
    expect(down.exitCode, describeFailure(down)).toBe(0);
    await waitFor('both registry processes to exit', async () => (first.some(alive) ? undefined : true), {
      timeoutMs: 10_000,
    });
    expect(existsSync(path.join(state, 'registry'))).toBe(false);
    expect(existsSync(path.join(state, 'registry.env'))).toBe(false);
  });
});
