import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO, runCli, tempDir } from './helpers.js';

beforeAll(ensureBuilt);

describe('must show: bad input exits 2 and says what to do', () => {
  it('render -e prod -n Bad_NS --yes explains what a valid namespace looks like', async () => {
    const r = await runCli(['render', '-e', 'prod', '-n', 'Bad_NS', '--yes'], { cwd: await tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"Bad_NS" is not a valid namespace \(DNS-1123 label\)/);
    expect(r.stderr).toMatch(
      /at most 63 characters of lowercase letters a-z, digits 0-9 and "-".*e\.g\. dev-flask-app/,
    );
  });

  it('without a TTY and without --yes it names the missing flags instead of prompting', async () => {
    const cwd = await tempDir();
    const r = await runCli(['render', '-e', 'prod', '-n', 'Bad_NS'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /missing answers: --image, --database, --redis, --ingress\/--no-ingress, --replicas N\/--autoscale MIN:MAX, --storage SIZE\/--no-storage, --monitoring\/--no-monitoring/,
    );
    expect(r.stderr).toMatch(/or add --yes to take the defaults/);
    expect(r.stderr).toMatch(/Bad_NS/);
  });

  it('CI set on a terminal-less run never prompts either', async () => {
    const r = await runCli(['render', '-e', 'dev'], { cwd: await tempDir(), env: { CI: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing answers: --image/);
  });

  it('reports every bad value at once, each with a hint', async () => {
    const r = await runCli(
      [
        'render',
        '-e',
        'dev',
        '--yes',
        '--replicas',
        'lots',
        '--image',
        'Bad Image',
        '--storage',
        '10G',
        '--database',
        'mysql',
      ],
      { cwd: await tempDir() },
    );
    expect(r.code).toBe(2);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
    const hints = r.stderr.split('\n').filter((l) => l.startsWith('  → '));
    expect(errors).toHaveLength(4);
    expect(hints).toHaveLength(4);
    expect(r.stderr).toMatch(
      /--storage SIZE\/--no-storage: "10G" is not a valid storage size\n {2}→ use a whole number with Mi, Gi or Ti/,
    );
    expect(r.stderr).toMatch(/--database: "mysql" is not one of subchart, external, none/);
  });

  it('an unknown option exits 2 with a hint', async () => {
    const r = await runCli(['render', '--namespce', 'x'], { cwd: await tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--namespce'/);
    expect(r.stderr).toMatch(/Did you mean --namespace\?|→ check the spelling/);
  });

  it('an unknown command exits 2', async () => {
    const r = await runCli(['deploy'], { cwd: await tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "deploy"/);
  });

  it('release commands validate the namespace before anything runs', async () => {
    const r = await runCli(['status', '-n', 'Prod_NS'], { cwd: await tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"Prod_NS" is not a valid namespace/);
  });
});

describe('flags and --answers FILE are the same thing', () => {
  const cases = {
    dev: {
      flags: [
        '-e',
        'dev',
        '--image',
        'ghcr.io/acme/flask-app:1.2.3',
        '--replicas',
        '2',
        '--storage',
        '5Gi',
        '--no-monitoring',
      ],
      file: 'environment: dev\nimage: ghcr.io/acme/flask-app:1.2.3\nreplicas: 2\nstorage: 5Gi\nmonitoring: false\n',
    },
    prod: {
      flags: [
        '-e',
        'prod',
        '-n',
        'shop',
        '--image',
        'ghcr.io/acme/flask-app:2.0.0',
        '--db-host',
        'pg.internal',
        '--db-port',
        '6432',
        '--db-name',
        'shop',
        '--db-user',
        'shop',
        '--db-secret',
        'shop-db',
        '--redis-host',
        'cache.internal',
        '--redis-secret',
        'shop-cache',
        '--host',
        'shop.example.com',
        '--tls',
        'cert-manager',
        '--cluster-issuer',
        'letsencrypt-prod',
        '--autoscale',
        '3:12',
        '--storage',
        '20Gi',
        '--storage-class',
        'efs',
        '--monitoring',
      ],
      file: [
        'environment: prod',
        'namespace: shop',
        'image: ghcr.io/acme/flask-app:2.0.0',
        'db-host: pg.internal',
        'db-port: 6432',
        'db-name: shop',
        'db-user: shop',
        'db-secret: shop-db',
        'redis-host: cache.internal',
        'redis-secret: shop-cache',
        'host: shop.example.com',
        'tls: cert-manager',
        'cluster-issuer: letsencrypt-prod',
        'autoscale: "3:12"',
        'storage: 20Gi',
        'storage-class: efs',
        'monitoring: true',
        '',
      ].join('\n'),
    },
  };

  it.each(Object.entries(cases))('%s: same values file from flags as from the answers file', async (_env, c) => {
    const a = await tempDir();
    const b = await tempDir();
    const byFlags = await runCli(['render', ...c.flags, '--yes', '--values-file', 'v.yaml', '--output-dir', 'm'], {
      cwd: a,
    });
    await writeFile(join(b, 'answers.yaml'), c.file);
    const byFile = await runCli(
      ['render', '--answers', 'answers.yaml', '--yes', '--values-file', 'v.yaml', '--output-dir', 'm'],
      { cwd: b },
    );
    expect(byFlags.stderr).toBe('');
    expect(byFile.stderr).toBe('');
    const fromFlags = await readFile(join(a, 'v.yaml'), 'utf8');
    expect(await readFile(join(b, 'v.yaml'), 'utf8')).toBe(fromFlags);
    expect(fromFlags).toContain('(answer: --');
  });

  it('flags win over the answers file', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'a.yaml'), 'environment: dev\nreplicas: 4\n');
    expect(
      (await runCli(['render', '--answers', 'a.yaml', '--replicas', '3', '--yes', '--values-file', 'v.yaml'], { cwd }))
        .code,
    ).toBe(0);
    expect(await readFile(join(cwd, 'v.yaml'), 'utf8')).toMatch(/^replicaCount: 3$/m);
  });

  it('an unknown key in the answers file exits 2 and suggests the flag name', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'a.yaml'), 'environment: dev\ndb_host: x\n');
    const r = await runCli(['render', '--answers', 'a.yaml', '--yes'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown key "db_host"/);
    expect(r.stderr).toMatch(/did you mean "db-host"\?/);
  });
});

describe('the existing values file', () => {
  it('invalid YAML is reported with line and column and left untouched', async () => {
    const cwd = await tempDir();
    const broken = '# mine\nimage:\n  repository: acme/app\n  tag: [1.0\n';
    await writeFile(join(cwd, 'flask-app.dev-flask-app.values.yaml'), broken);
    const r = await runCli(['render', '-e', 'dev', '--yes'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/flask-app\.dev-flask-app\.values\.yaml:\d+:\d+: /);
    expect(r.stderr).toMatch(/left untouched/);
    expect(await readFile(join(cwd, 'flask-app.dev-flask-app.values.yaml'), 'utf8')).toBe(broken);
  });
});

describe('--help and --version', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version'], { cwd: await tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists every command and the main options', async () => {
    const r = await runCli(['--help'], { cwd: await tempDir() });
    expect(r.code).toBe(0);
    for (const word of [
      'install',
      'render',
      'upgrade',
      'rollback',
      'status',
      'port-forward',
      'uninstall',
      'test-chart',
    ]) {
      expect(r.stdout).toContain(`  ${word}`);
    }
    for (const flag of [
      '--environment',
      '--values-file',
      '--answers',
      '--db-password-stdin',
      '--autoscale',
      '--kube-context',
    ]) {
      expect(r.stdout).toContain(flag);
    }
  });
});

describe('a values file written for another environment', () => {
  it('is not reused, and the user is told', async () => {
    const cwd = await tempDir();
    expect((await runCli(['render', '-e', 'dev', '--yes', '--values-file', 'v.yaml'], { cwd })).code).toBe(0);
    const r = await runCli(
      [
        'render',
        '-e',
        'staging',
        '--image',
        'acme/app:1',
        '--host',
        's.example.com',
        '--yes',
        '--values-file',
        'v.yaml',
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/v\.yaml was written for environment dev; its answers are not reused for staging/);
    const text = await readFile(join(cwd, 'v.yaml'), 'utf8');
    // staging's own namespace, not the dev one remembered in the old header
    expect(text).toMatch(/namespace staging-flask-app, environment staging/);
    expect(await readFile(join(cwd, 'v.yaml.bak'), 'utf8')).toMatch(/environment dev/);
  });
});

describe('--json errors', () => {
  it('carry the problems and the missing flags as one NDJSON event', async () => {
    const r = await runCli(['render', '-e', 'staging', '--yes', '--json'], { cwd: await tempDir() });
    expect(r.code).toBe(2);
    const event = JSON.parse(r.stdout.trim()) as {
      type: string;
      exitCode: number;
      missing: string[];
      problems: unknown[];
    };
    expect(event).toMatchObject({ type: 'error', exitCode: 2, missing: ['--image', '--host'] });
    expect(event.problems).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});

describe('passwords and prerequisites', () => {
  it('--db-password-stdin is refused for the in-cluster database, before anything runs', async () => {
    const cwd = await tempDir();
    const r = await runCli(['install', '-e', 'dev', '--yes', '--db-password-stdin'], { cwd, stdin: 'never-used\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--db-password-stdin needs --database external/);
    expect(r.stderr).not.toContain('never-used');
  });

  it('test-chart without a values file says how to make one', async () => {
    const r = await runCli(['test-chart', '-e', 'dev'], { cwd: await tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no values file to test \(\.\/flask-app\.dev-flask-app\.values\.yaml does not exist\)/);
    expect(r.stderr).toMatch(/flask-helm-wizard render/);
  });
});

describe('--reset', () => {
  it('forgets the remembered answers and starts a fresh file, keeping the old one as .bak', async () => {
    const cwd = await tempDir();
    expect(
      (await runCli(['render', '-e', 'dev', '--image', 'acme/app:7', '--replicas', '2', '--yes'], { cwd })).code,
    ).toBe(0);
    const file = join(cwd, 'flask-app.dev-flask-app.values.yaml');
    await writeFile(file, `${await readFile(file, 'utf8')}\npodLabels:\n  mine: 'yes'\n`);
    expect((await runCli(['render', '-e', 'dev', '--reset', '--yes'], { cwd })).code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('acme/app');
    expect(text).not.toContain('podLabels');
    expect(text).toContain('tag: dev');
    expect(await readFile(`${file}.bak`, 'utf8')).toContain('podLabels');
  });
});
