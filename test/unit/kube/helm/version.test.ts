import { describe, expect, it } from 'vitest';
import { parseHelmVersion } from '../../../../src/kube/helm/version.js';

describe('parseHelmVersion', () => {
  it('reads Helm 3 and Helm 4 versions', () => {
    expect(parseHelmVersion('v3.17.3')).toEqual({ major: 3, version: 'v3.17.3' });
    expect(parseHelmVersion('v4.1.4+g05fa379\n')).toEqual({ major: 4, version: 'v4.1.4+g05fa379' });
  });
  it('rejects Helm 2 and garbage with a hint', () => {
    const old = parseHelmVersion('v2.17.0');
    expect(old).toMatchObject({ kind: 'unsupported-helm', message: 'helm v2.17.0 is not supported' });
    expect(parseHelmVersion('oops')).toMatchObject({
      kind: 'unsupported-helm',
      hint: expect.stringContaining('Helm 4'),
    });
  });
});

describe('detectHelm with the real binaries', () => {
  const bin = new URL('../../../../.cache/bin/', import.meta.url).pathname;
  it('detects Helm 3 and Helm 4', async () => {
    const { detectHelm } = await import('../../../../src/kube/helm/version.js');
    const { execaRunner } = await import('../../../../src/kube/runner.js');
    const h3 = await detectHelm(execaRunner, `${bin}helm3`);
    const h4 = await detectHelm(execaRunner, `${bin}helm4`);
    expect(h3).toMatchObject({ ok: true, helm: { major: 3 } });
    expect(h4).toMatchObject({ ok: true, helm: { major: 4 } });
  });
});

describe('detectHelm remembers each binary', () => {
  const bin = new URL('../../../../.cache/bin/', import.meta.url).pathname;
  it('runs `helm version` once per binary, and again when the binary behind the path changes', async () => {
    const { mkdtempSync, symlinkSync, rmSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { detectHelm } = await import('../../../../src/kube/helm/version.js');
    const { execaRunner } = await import('../../../../src/kube/runner.js');
    const dir = mkdtempSync(join(tmpdir(), 'fhw-helm-cache-'));
    const cache = join(dir, 'cache', 'helm-versions.json');
    const helm = join(dir, 'helm');
    let runs = 0;
    const counting = {
      ...execaRunner,
      run: (...a: Parameters<typeof execaRunner.run>) => {
        runs += 1;
        return execaRunner.run(...a);
      },
    };
    try {
      symlinkSync(`${bin}helm4`, helm);
      expect(await detectHelm(counting, helm, undefined, cache)).toMatchObject({ ok: true, helm: { major: 4 } });
      expect(await detectHelm(counting, helm, undefined, cache)).toMatchObject({
        ok: true,
        helm: { major: 4, path: helm },
      });
      expect(runs).toBe(1);
      expect(readFileSync(cache, 'utf8')).toContain('v4.');
      rmSync(helm);
      symlinkSync(`${bin}helm3`, helm);
      expect(await detectHelm(counting, helm, undefined, cache)).toMatchObject({ ok: true, helm: { major: 3 } });
      expect(runs).toBe(2);
      // Without a cache file every call asks helm.
      await detectHelm(counting, helm, undefined, null);
      expect(runs).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
