import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAllDocuments, parseDocument } from 'yaml';
import { ExportError, writeExport } from '../../../src/gitops/index.js';
import { devInput, prodInput, VALUES } from './fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fhw-gitops-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const read = (f: string) => readFile(join(dir, f), 'utf8');

describe('writeExport', () => {
  it('writes the Flux folder: values files verbatim, definitions with a header, the README', async () => {
    const r = await writeExport(dir, prodInput(), VALUES);
    expect(r.written.sort()).toEqual(
      [
        'README.md',
        'helmrelease.yaml',
        'kustomization.yaml',
        'kustomizeconfig.yaml',
        'ocirepository.yaml',
        'values-prod.yaml',
        'web.prod-flask-app.values.yaml',
      ].sort(),
    );
    expect(await read('values-prod.yaml')).toBe(VALUES.envValues);
    expect(await read('web.prod-flask-app.values.yaml')).toBe(VALUES.override);
    const hr = await read('helmrelease.yaml');
    expect(hr.startsWith('# Written by flask-helm-wizard export --gitops flux')).toBe(true);
    expect(parseDocument(hr).toJS().spec.upgrade.remediation.strategy).toBe('rollback');
    expect((await stat(join(dir, 'helmrelease.yaml'))).mode & 0o777).toBe(0o644);
  });

  it('re-export with the same input touches nothing and leaves no .bak', async () => {
    await writeExport(dir, prodInput(), VALUES);
    const before = await stat(join(dir, 'helmrelease.yaml'));
    const r = await writeExport(dir, prodInput(), VALUES);
    expect(r.written).toEqual([]);
    expect(r.unchanged).toHaveLength(7);
    expect((await stat(join(dir, 'helmrelease.yaml'))).mtimeMs).toBe(before.mtimeMs);
    expect((await readdir(dir)).filter((f) => f.endsWith('.bak') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('re-export keeps hand edits (keys, list items, comments) and updates what it owns, with a .bak', async () => {
    await writeExport(dir, prodInput(), VALUES);
    const original = await read('helmrelease.yaml');
    const edited = original
      .replace('spec:\n', 'spec:\n  # paused during the freeze\n  suspend: false\n')
      .replace('  valuesFrom:\n', '  postRenderers:\n    - kustomize:\n        patches: []\n  valuesFrom:\n')
      .concat('    - kind: Secret\n      name: web-extra-values\n      valuesKey: values.yaml\n');
    await writeFile(join(dir, 'helmrelease.yaml'), edited);
    const kust = (await read('kustomization.yaml')).replace(
      '  - helmrelease.yaml\n',
      '  - helmrelease.yaml\n  - extra-networkpolicy.yaml\n',
    );
    await writeFile(join(dir, 'kustomization.yaml'), kust);

    const r = await writeExport(dir, prodInput({ timeout: '9m', retries: 5 }), VALUES);
    expect(r.written).toContain('helmrelease.yaml');
    const text = await read('helmrelease.yaml');
    expect(text).toContain('# paused during the freeze');
    const hr = parseDocument(text).toJS();
    expect(hr.spec.suspend).toBe(false);
    expect(hr.spec.postRenderers).toEqual([{ kustomize: { patches: [] } }]);
    expect(hr.spec.timeout).toBe('9m');
    expect(hr.spec.upgrade.remediation.retries).toBe(5);
    expect(hr.spec.valuesFrom.map((v: { name: string }) => v.name)).toEqual([
      'web-values-prod',
      'web-values-override',
      'web-extra-values',
    ]);
    expect(await read('helmrelease.yaml.bak')).toBe(edited);
    expect(parseDocument(await read('kustomization.yaml')).toJS().resources).toEqual([
      'ocirepository.yaml',
      'helmrelease.yaml',
      'extra-networkpolicy.yaml',
    ]);
  });

  it('the README keeps text outside its markers', async () => {
    await writeExport(dir, devInput(), VALUES);
    await writeFile(join(dir, 'README.md'), `Team notes: ask #platform first.\n\n${await read('README.md')}`);
    await writeExport(dir, devInput({ timeout: '3m' }), VALUES);
    const readme = await read('README.md');
    expect(readme.startsWith('Team notes: ask #platform first.\n\n<!-- flask-helm-wizard export: begin')).toBe(true);
    expect(readme.match(/flask-helm-wizard export: begin/g)).toHaveLength(1);
  });

  it('refuses a definition that no longer parses and writes nothing', async () => {
    await writeExport(dir, devInput(), VALUES);
    await writeFile(join(dir, 'helmrelease.yaml'), 'spec: [unclosed\n');
    const override = await stat(join(dir, 'web.dev-flask-app.values.yaml'));
    const err = await writeExport(dir, devInput(), { ...VALUES, override: 'image:\n  tag: "2"\n' }).catch((e) => e);
    expect(err).toBeInstanceOf(ExportError);
    expect((err as ExportError).message).toMatch(/^helmrelease.yaml: /);
    expect((err as ExportError).hint).toMatch(/left untouched/);
    expect((await stat(join(dir, 'web.dev-flask-app.values.yaml'))).mtimeMs).toBe(override.mtimeMs);
  });

  it('refuses a bad input before touching the disk', async () => {
    const err = await writeExport(join(dir, 'never'), devInput({ release: 'Web' }), VALUES).catch((e) => e);
    expect(err).toBeInstanceOf(ExportError);
    expect((err as ExportError).problems.map((p) => p.field)).toEqual(['release']);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('the Flux folder through the real kustomize (kubectl 1.35)', () => {
  it('renders ConfigMaps with hashed names that the HelmRelease valuesFrom follows, in order', async () => {
    await writeExport(dir, devInput(), VALUES);
    const out = execFileSync(join(process.cwd(), '.cache/bin/kubectl135'), ['kustomize', dir], { encoding: 'utf8' });
    const objs = parseAllDocuments(out).map((d) => d.toJS());
    const cms = objs.filter((o) => o.kind === 'ConfigMap');
    expect(cms.map((c) => c.data['values.yaml'])).toEqual([VALUES.envValues, VALUES.override]);
    expect(cms.every((c) => c.metadata.namespace === 'dev-flask-app')).toBe(true);
    const hr = objs.find((o) => o.kind === 'HelmRelease');
    expect(hr.spec.valuesFrom.map((v: { name: string }) => v.name)).toEqual(cms.map((c) => c.metadata.name));
    expect(cms.every((c) => /-[a-z0-9]{10}$/.test(c.metadata.name))).toBe(true);
  });
});
