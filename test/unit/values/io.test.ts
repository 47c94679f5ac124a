import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Answers } from '../../../src/domain/answers.js';
import { UserError } from '../../../src/domain/errors.js';
import { readYamlFile, writeFileAtomic } from '../../../src/values/io.js';
import { loadOverride, writeOverride } from '../../../src/values/override-file.js';
import { DEV_ANSWERS } from '../../helpers/answers.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fhw-values-'));
});

const CHART = join(import.meta.dirname, '../../../flask-app');

describe('reading', () => {
  it('reports a YAML error with its line and column', async () => {
    const path = join(dir, 'bad.yaml');
    await writeFile(path, 'image:\n  tag: "1.0\nreplicaCount: 2\n');
    const r = await readYamlFile(path);
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.line).toBeGreaterThanOrEqual(2);
    expect(r.column).toBeGreaterThanOrEqual(1);
    expect(r.message).toMatch(new RegExp(`bad\\.yaml:${r.line}:${r.column}: `));
    expect(r.hint).toMatch(/left untouched/);
  });

  it('rejects a file whose top level is not a map', async () => {
    const path = join(dir, 'list.yaml');
    await writeFile(path, '- a\n- b\n');
    expect((await readYamlFile(path)).kind).toBe('invalid');
  });

  it('an invalid existing override is a usage error and stays as it was', async () => {
    const path = join(dir, 'v.yaml');
    const broken = 'image: [unclosed\n';
    await writeFile(path, broken);
    const err = await loadOverride(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(2);
    expect(await readFile(path, 'utf8')).toBe(broken);
  });

  it('a missing file is simply absent', async () => {
    expect(await loadOverride(join(dir, 'nope.yaml'))).toBeUndefined();
  });
});

describe('atomic write', () => {
  it('writes mode 0600 and keeps the previous file as .bak', async () => {
    const path = join(dir, 'v.yaml');
    await writeFileAtomic(path, 'a: 1\n', { backup: true });
    await writeFileAtomic(path, 'a: 2\n', { backup: true });
    expect(await readFile(path, 'utf8')).toBe('a: 2\n');
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('a: 1\n');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(`${path}.bak`)).mode & 0o777).toBe(0o600);
  });

  it('an interruption before the rename leaves the old file intact and no temp file', async () => {
    const path = join(dir, 'v.yaml');
    await writeFile(path, 'old: true\n');
    const crash = writeFileAtomic(path, 'new: true\n', {
      beforeRename: () => {
        throw new Error('killed');
      },
    });
    await expect(crash).rejects.toThrow('killed');
    expect(await readFile(path, 'utf8')).toBe('old: true\n');
    expect(await readdir(dir)).toEqual(['v.yaml']);
  });
});

describe('writeOverride', () => {
  const answers = DEV_ANSWERS;
  const target = (path: string) => ({ path, shownPath: './v.yaml', shownChart: 'flask-app', chartDir: CHART });

  it('round trip: a hand-edited file keeps its extra keys and comments on re-run', async () => {
    const path = join(dir, 'v.yaml');
    await writeOverride(answers, target(path));
    await writeFile(path, `${await readFile(path, 'utf8')}\n# added by hand\npodAnnotations:\n  owner: me\n`);
    const existing = await loadOverride(path, CHART);
    expect(existing?.answers).toMatchObject({ environment: 'dev', image: 'flask-app:dev', replicas: 2 });
    const r = await writeOverride({ ...answers, scaling: { mode: 'fixed', replicas: 3 } }, target(path), existing);
    expect(r.backedUp).toBe(true);
    const text = await readFile(path, 'utf8');
    expect(text).toContain('# added by hand\npodAnnotations:\n  owner: me');
    expect(text).toContain('replicaCount: 3');
    expect(await readFile(`${path}.bak`, 'utf8')).toContain('# added by hand');
    expect(await readFile(`${path}.bak`, 'utf8')).not.toContain('replicaCount');
  });

  it('refuses values the chart schema rejects, naming the key, and writes nothing', async () => {
    const path = join(dir, 'v.yaml');
    await writeFile(path, 'replicaCount: 1\nimage:\n  pullPolicy: Sometimes\n');
    const existing = await loadOverride(path);
    const err = await writeOverride(answers, target(path), existing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).problems[0]?.message).toMatch(/image\.pullPolicy/);
    expect(await readFile(path, 'utf8')).toBe('replicaCount: 1\nimage:\n  pullPolicy: Sometimes\n');
  });
});

describe('remembering release and namespace', () => {
  it('reads them (and the environment) back from the header of a file we wrote', async () => {
    const path = join(dir, 'custom-name.yaml');
    const answers: Answers = {
      environment: 'staging',
      namespace: 'team-a',
      release: 'shop',
      image: { repository: 'acme/shop', tag: '3' },
      database: { mode: 'subchart' },
      redis: { mode: 'none' },
      ingress: {
        enabled: true,
        host: 'shop.example.com',
        className: 'nginx',
        tls: { mode: 'secret', secretName: 'shop-tls' },
      },
      scaling: { mode: 'fixed', replicas: 2 },
      storage: { enabled: false },
      monitoring: false,
    };
    await writeOverride(answers, { path, shownPath: path, shownChart: 'flask-app', chartDir: CHART });
    const loaded = await loadOverride(path, CHART);
    expect(loaded?.answers).toMatchObject({
      release: 'shop',
      namespace: 'team-a',
      environment: 'staging',
      image: 'acme/shop:3',
      redis: 'none',
      tls: 'secret',
      'tls-secret': 'shop-tls',
    });
  });
});
