import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART, ensureBuilt, HELM3, HELM4, helm, runCli, tempDir } from './helpers.js';

beforeAll(ensureBuilt);

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

describe.each([
  ['helm 3', HELM3],
  ['helm 4', HELM4],
])('render without a cluster (%s)', (_name, helmBin) => {
  it('writes a values file helm lint accepts, and the manifests', async () => {
    const cwd = await tempDir();
    const r = await runCli(
      [
        'render',
        '-e',
        'dev',
        '-n',
        'dev-flask-app',
        '--yes',
        '--values-file',
        'out/values.yaml',
        '--output-dir',
        'out/manifests',
      ],
      // No kubeconfig anywhere: render must not need a cluster.
      { cwd, helm: helmBin, env: { KUBECONFIG: join(cwd, 'no-such-kubeconfig') } },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const values = join(cwd, 'out/values.yaml');
    expect((await stat(values)).mode & 0o777).toBe(0o600);
    const lint = helm(helmBin, ['lint', CHART, '-f', join(CHART, 'values-dev.yaml'), '-f', values], cwd);
    expect(lint.output).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    expect(lint.code).toBe(0);

    const files = await walk(join(cwd, 'out/manifests'));
    const deployment = files.find((f) => f.endsWith('templates/deployment.yaml'));
    expect(deployment).toBeDefined();
    expect(await readFile(deployment as string, 'utf8')).toMatch(/namespace: dev-flask-app/);
    const secrets: string[] = [];
    for (const f of files) if (/^kind: Secret$/m.test(await readFile(f, 'utf8'))) secrets.push(f);
    expect(secrets.length).toBeGreaterThan(0);
    for (const f of secrets) expect((await stat(f)).mode & 0o777, f).toBe(0o600);

    expect(r.stdout).toMatch(/throwaway/);
    expect(r.stdout).toContain(`-f ${join(CHART, 'values-dev.yaml')} -f out/values.yaml`);
    expect(r.stdout).toMatch(helmBin === HELM4 ? /--rollback-on-failure --wait=watcher/ : /--atomic --wait/);
  });
});

describe('render: the folder and the values file', () => {
  it('replaces its own output folder on each run, and keeps the previous values as .bak', async () => {
    const cwd = await tempDir();
    const args = ['render', '-e', 'dev', '--yes'];
    expect((await runCli([...args, '--image', 'acme/app:1'], { cwd })).code).toBe(0);
    const second = await runCli([...args, '--storage', '2Gi'], { cwd });
    expect(second.code).toBe(0);
    const values = await readFile(join(cwd, 'flask-app.dev-flask-app.values.yaml'), 'utf8');
    // Remembered from the first run's file; the new flag added on top.
    expect(values).toContain('repository: acme/app');
    expect(values).toContain('size: 2Gi');
    expect(await readFile(join(cwd, 'flask-app.dev-flask-app.values.yaml.bak'), 'utf8')).not.toContain('2Gi');
    const manifests = await walk(join(cwd, 'flask-app.dev-flask-app.manifests'));
    expect(manifests.some((f) => f.endsWith('templates/pvc.yaml'))).toBe(true);
  });

  it('refuses to replace a folder it did not write', async () => {
    const cwd = await tempDir();
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(join(cwd, 'mine'));
    await writeFile(join(cwd, 'mine/notes.txt'), 'keep me');
    const r = await runCli(['render', '-e', 'dev', '--yes', '--output-dir', 'mine'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/was not written by flask-helm-wizard/);
    expect(await readFile(join(cwd, 'mine/notes.txt'), 'utf8')).toBe('keep me');
  });

  it('reads no password and writes none for render, and says the Secret must exist', async () => {
    const cwd = await tempDir();
    const r = await runCli(
      [
        'render',
        '-e',
        'prod',
        '--image',
        'acme/app:1',
        '--host',
        'shop.example.com',
        '--db-secret',
        'shop-db',
        '--db-password-stdin',
        '--yes',
      ],
      { cwd, stdin: 'pa55-word-never-written\n' },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/render reads no password and writes no Secret/);
    expect(r.stdout).toMatch(/Secret shop-db \(key "password"\) must exist in namespace prod-flask-app/);
    for (const f of await walk(cwd)) expect(await readFile(f, 'utf8'), f).not.toContain('pa55-word-never-written');
    expect(r.stdout + r.stderr).not.toContain('pa55-word-never-written');
  });

  it('--json prints NDJSON events only', async () => {
    const cwd = await tempDir();
    const r = await runCli(['render', '-e', 'dev', '--yes', '--json'], { cwd });
    expect(r.code).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; command?: string });
    expect(events.map((e) => e.type)).toEqual([
      'values-written',
      'manifests-written',
      'throwaway-secrets',
      'install-command',
    ]);
    expect(events.at(-1)?.command).toMatch(/^helm upgrade --install flask-app /);
  });

  it('test-chart lints and renders the written values with the bundled chart', async () => {
    const cwd = await tempDir();
    expect(
      (await runCli(['render', '-e', 'staging', '--image', 'acme/app:1', '--host', 'st.example.com', '--yes'], { cwd }))
        .code,
    ).toBe(0);
    const r = await runCli(['test-chart', '-e', 'staging', '--helm-binary', HELM3], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ helm lint \(v3\./);
    expect(r.stdout).toMatch(/✔ helm template \(v3\.[^)]*\): .*Deployment/);
  });
});
