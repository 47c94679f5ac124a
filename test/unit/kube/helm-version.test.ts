import { describe, expect, it } from 'vitest';
import { parseHelmVersion } from '../../../src/kube/helm-version.js';

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
  const bin = new URL('../../../.cache/bin/', import.meta.url).pathname;
  it('detects Helm 3 and Helm 4', async () => {
    const { detectHelm } = await import('../../../src/kube/helm-version.js');
    const { execaRunner } = await import('../../../src/kube/runner.js');
    const h3 = await detectHelm(execaRunner, `${bin}helm3`);
    const h4 = await detectHelm(execaRunner, `${bin}helm4`);
    expect(h3).toMatchObject({ ok: true, helm: { major: 3 } });
    expect(h4).toMatchObject({ ok: true, helm: { major: 4 } });
  });
});
