// The built CLI in a real pseudo-terminal (tmux): walk the Ink wizard with keys, as a
// person would, to a written values file and rendered manifests; no cluster anywhere.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type PtySession, startPty } from '../../helpers/tmux.js';
import { BIN, CHART, ensureBuilt, HELM3, helm, tempDir } from './helpers.js';

beforeAll(ensureBuilt, 180_000);

// A whole walk is dozens of screens; on a loaded build machine each can take seconds.
const WALK_TIMEOUT = 180_000;

let pty: PtySession | null = null;
afterEach(() => {
  pty?.kill();
  pty = null;
});

async function start(
  args: string[],
  extraEnv: NodeJS.ProcessEnv = {},
  inDir?: string,
): Promise<{ pty: PtySession; cwd: string }> {
  const cwd = inDir ?? (await tempDir());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // No cluster: a kubeconfig that does not exist.
    KUBECONFIG: join(cwd, 'no-kubeconfig'),
    FHW_HELM: HELM3,
    TERM: 'xterm-256color',
    ...extraEnv,
  };
  delete env.CI;
  if (!('NO_COLOR' in extraEnv)) delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  for (const k of Object.keys(env)) if (k.startsWith('CI_') || k === 'CONTINUOUS_INTEGRATION') delete env[k];
  pty = startPty([process.execPath, BIN, ...args], { cwd, env });
  return { pty, cwd };
}

/** Every file under dir, concatenated. */
function readTree(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile())
    .map((p) => readFileSync(p, 'utf8'))
    .join('\n---\n');
}

describe('the wizard in a real terminal', () => {
  test(
    'render, dev: a typo is caught inline, Esc goes back, the answers land in the values file and manifests and are remembered next run',
    async () => {
      const { pty: t, cwd } = await start([
        'render',
        '--values-file',
        'out/values.yaml',
        '--output-dir',
        'out/manifests',
      ]);
      // The first frame shows the facts as "checking…"; they fill in when kubectl answers.
      const facts = await t.waitFor('not reachable');
      expect(facts).toContain('kube context');
      await t.keys('Enter');
      await t.waitFor('Which environment is this?');
      await t.keys('Enter');

      await t.waitFor('default: dev-flask-app');
      await t.type('Bad_NS');
      await t.keys('Enter');
      const err = await t.waitFor('is not a valid namespace');
      expect(err).toContain('❯ Bad_NS');
      await t.keys(...Array<string>(6).fill('BSpace'));
      await t.type('team-a');
      await t.keys('Enter');

      await t.waitFor('Helm tracks the installation');
      await t.keys('Escape');
      await t.waitFor('default: team-a');
      await t.keys('Enter');
      await t.waitFor('Helm tracks the installation');
      await t.keys('Enter');

      await t.waitFor('Container image');
      await t.type('acme/flask-app:1.4.2');
      await t.keys('Enter');
      await t.waitFor('In-cluster PostgreSQL (default)');
      await t.keys('Enter');
      await t.waitFor('In-cluster Redis (default)');
      await t.keys('Enter');
      await t.waitFor('An Ingress gives the app');
      await t.keys('Up', 'Enter');
      await t.waitFor('The DNS name users type');
      await t.type('team-a.example.com');
      await t.keys('Enter');
      await t.waitFor('Which ingress controller');
      await t.keys('Enter');
      await t.waitFor('Where the HTTPS certificate comes from');
      await t.keys('Enter');
      await t.waitFor('Fixed number of replicas (default)');
      await t.keys('Enter');
      await t.waitFor('How many pods run at all times');
      await t.type('3');
      await t.keys('Enter');
      await t.waitFor('A persistent volume for ML model files');
      await t.keys('Enter');
      await t.waitFor('Prometheus scrapes the app');
      await t.keys('Enter');

      const review = await t.waitFor('Write the values file and render manifests');
      expect(review).toContain('exactly as it will be written');
      expect(review).toContain('out/values.yaml');
      await t.keys('Enter');
      const done = await t.waitFor('__EXIT=', 120_000);
      expect(done).toContain('__EXIT=0');

      const values = readFileSync(join(cwd, 'out/values.yaml'), 'utf8');
      expect(values).toContain('namespace team-a');
      expect(values).toMatch(/repository: acme\/flask-app\n/);
      expect(values).toMatch(/tag: 1\.4\.2\n/);
      expect(values).toMatch(/replicaCount: 3\n/);
      expect(values).toContain('host: team-a.example.com');
      expect(values).not.toMatch(/password:/i);
      expect(statSync(join(cwd, 'out/values.yaml')).mode & 0o777).toBe(0o600);

      const manifests = readTree(join(cwd, 'out/manifests'));
      expect(manifests).toContain('kind: Deployment');
      expect(manifests).toContain('image: "acme/flask-app:1.4.2"');
      expect(manifests).toContain('- host: "team-a.example.com"');
      expect(manifests).toMatch(/replicas: 3\n/);

      const lint = helm(
        HELM3,
        ['lint', CHART, '-f', join(CHART, 'values-dev.yaml'), '-f', join(cwd, 'out/values.yaml')],
        cwd,
      );
      expect(lint.output).toContain('0 chart(s) failed');
      expect(lint.code).toBe(0);

      // Next day: the same command remembers every answer from the values file.
      t.kill();
      const again = (
        await start(['render', '--values-file', 'out/values.yaml', '--output-dir', 'out/manifests'], {}, cwd)
      ).pty;
      await again.waitFor('kube context');
      await again.keys('Enter');
      await again.waitFor('dev (default)');
      await again.keys('Enter');
      for (const remembered of [
        'Enter keeps the default: team-a',
        'Enter keeps the default: flask-app',
        'Enter keeps the default: acme/flask-app:1.4.2',
        'In-cluster PostgreSQL (default)',
        'In-cluster Redis (default)',
        '❯ Yes (default)',
        'Enter keeps the default: team-a.example.com',
        'Enter keeps the default: nginx',
        'No TLS (default)',
        'Fixed number of replicas (default)',
        'Enter keeps the default: 3',
        'No (default)',
        'No (default)',
      ]) {
        await again.waitFor(remembered);
        await again.keys('Enter');
      }
      await again.waitFor('Write the values file and render manifests');
      await again.keys('Enter');
      expect(await again.waitFor('__EXIT=', 120_000)).toContain('__EXIT=0');
      expect(readFileSync(join(cwd, 'out/values.yaml'), 'utf8')).toBe(values);
      again.kill();
    },
    WALK_TIMEOUT,
  );

  test(
    'render, prod (Marco): red banner, external services by existing Secrets, TLS, autoscale, typed namespace',
    async () => {
      const { pty: t, cwd } = await start([
        'render',
        '-e',
        'prod',
        '--image',
        'acme/flask-app:1.4.2',
        '--values-file',
        'prod.yaml',
      ]);
      const first = await t.waitFor('kube context');
      expect(first).toContain('PRODUCTION environment');
      await t.keys('Enter');
      // (environment and image came from flags: not asked)
      const steps: Array<[string, string | null]> = [
        ['Enter keeps the default: prod-flask-app', null],
        ['Helm tracks the installation', null],
        ['External PostgreSQL (default)', null],
        ['DNS name or IP of the PostgreSQL server', 'pg.prod.internal'],
        ['TCP port PostgreSQL', null],
        ['The database inside the server', null],
        ['The user the app logs in as', null],
        ['existing Secret holding the password', null],
        ['External Redis (default)', null],
        ['DNS name or IP of the Redis server', 'redis.prod.internal'],
        ['TCP port Redis', null],
        ['Use an existing Secret (default)', null],
        ['existing Secret holding the password', null],
        ['An Ingress gives the app', null],
        ['The DNS name users type', 'shop.example.com'],
        ['Which ingress controller', null],
        ['Production always serves HTTPS', null],
        ['ClusterIssuer that signs', null],
        ['cert-manager stores the certificate', null],
        ['Autoscale (default)', null],
        ['Fewest and most pods', null],
        ['A persistent volume for ML model files', '2'],
        ['Prometheus scrapes the app', null],
      ];
      for (const [wait, typed] of steps) {
        await t.waitFor(wait);
        if (typed === '2') await t.keys('2');
        else if (typed) await t.type(typed);
        await t.keys('Enter');
      }
      const review = await t.waitFor('type the namespace prod-flask-app');
      expect(review).toContain('PRODUCTION environment');
      expect(review).not.toContain('No TLS');
      await t.type('prod');
      await t.keys('Enter');
      await t.waitFor('does not match the namespace');
      await t.type('-flask-app');
      await t.keys('Enter');
      expect(await t.waitFor('__EXIT=', 120_000)).toContain('__EXIT=0');

      const values = readFileSync(join(cwd, 'prod.yaml'), 'utf8');
      // The file holds what the answers change on top of values-prod.yaml…
      expect(values).toContain('host: pg.prod.internal');
      expect(values).toContain('host: redis.prod.internal');
      expect(values).toContain('host: shop.example.com');
      expect(values).not.toMatch(/password:/i);
      const lint = helm(
        HELM3,
        ['lint', CHART, '-f', join(CHART, 'values-prod.yaml'), '-f', join(cwd, 'prod.yaml')],
        cwd,
      );
      expect(lint.output).toContain('0 chart(s) failed');
      // …and the manifests show every answer in effect.
      const manifests = readTree(join(cwd, 'flask-app.prod-flask-app.manifests'));
      expect(manifests).toContain('kind: HorizontalPodAutoscaler');
      expect(manifests).toMatch(/minReplicas: 3\n/);
      expect(manifests).toMatch(/maxReplicas: 20\n/);
      expect(manifests).toContain('cert-manager.io/cluster-issuer: letsencrypt-prod');
      expect(manifests).toContain('- "shop.example.com"');
      expect(manifests).toContain('pg.prod.internal');
      expect(manifests).toContain('kind: ServiceMonitor');
    },
    WALK_TIMEOUT,
  );

  test(
    'install with no cluster: "Render only" writes values and manifests and touches nothing else',
    async () => {
      const { pty: t, cwd } = await start([]);
      const first = await t.waitFor('❯ Render only');
      expect(first).toContain('No cluster answers');
      await t.keys('Enter');
      await t.waitFor('Which environment is this?');
      for (const wait of [
        'Which environment is this?',
        'default: dev-flask-app',
        'Helm tracks the installation',
        'default: flask-app:dev',
        'In-cluster PostgreSQL (default)',
        'In-cluster Redis (default)',
        'An Ingress gives the app',
        'Fixed number of replicas (default)',
        'How many pods run at all times',
        'A persistent volume for ML model files',
        'Prometheus scrapes the app',
      ]) {
        await t.waitFor(wait);
        await t.keys('Enter');
      }
      await t.waitFor('Write the values file and render manifests');
      await t.keys('Enter');
      expect(await t.waitFor('__EXIT=', 120_000)).toContain('__EXIT=0');
      expect(existsSync(join(cwd, 'flask-app.dev-flask-app.values.yaml'))).toBe(true);
      expect(readTree(join(cwd, 'flask-app.dev-flask-app.manifests'))).toContain('kind: Deployment');
    },
    WALK_TIMEOUT,
  );

  test(
    'Ctrl-C mid-way exits 130 and writes nothing',
    async () => {
      const { pty: t, cwd } = await start(['render']);
      await t.waitFor('kube context');
      await t.keys('Enter');
      await t.waitFor('Which environment is this?');
      await t.keys('Enter');
      await t.waitFor('default: dev-flask-app');
      await t.type('half-typ');
      await t.keys('C-c');
      const s = await t.waitFor('__EXIT=');
      expect(s).toContain('__EXIT=130');
      expect(s).toContain('Cancelled — nothing was written.');
      expect(readdirSync(cwd).filter((f) => f !== 'no-kubeconfig')).toEqual([]);
    },
    WALK_TIMEOUT,
  );

  test(
    'colour in a terminal, none with NO_COLOR',
    async () => {
      // SGR colour parameters: 30-37/90-97 foreground, 40-47/100-107 background, 38;/48; extended.
      const colour = new RegExp(
        `${String.fromCharCode(27)}\\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7]|4[0-8]|10[0-7])(?:;[0-9;]*)?m`,
      );
      const coloured = await start(['render', '-e', 'prod']);
      await coloured.pty.waitFor('PRODUCTION environment');
      expect(coloured.pty.styledScreen()).toMatch(colour);
      coloured.pty.kill();

      const { pty: t } = await start(['render', '-e', 'prod'], { NO_COLOR: '1' });
      await t.waitFor('PRODUCTION environment');
      expect(t.styledScreen()).not.toMatch(colour);
    },
    WALK_TIMEOUT,
  );
});
