// The typed helm reads. With the real helm 3 and 4 binaries and no cluster, every read
// is a failure that is not "not found" (that needs a cluster: test/e2e covers it); the
// parsing and the not-found rule are checked on helm's own words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { helmClient, isNotFound, parseStatus } from '../../../../src/kube/helm/client.js';
import { execaRunner } from '../../../../src/kube/runner.js';

const BIN = new URL('../../../../.cache/bin/', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'fhw-helm-client-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('helm reads without a cluster (real helm 3 and 4)', () => {
  it.each([3, 4] as const)(
    'helm %i: status, history, values and manifest fail, and none says not-found',
    async (major) => {
      const target = { namespace: 'dev-flask-app', kubeconfig: join(home, 'no-kubeconfig') };
      const client = helmClient(execaRunner, { path: `${BIN}helm${major}`, major, version: `v${major}` }, target);
      const reads = await Promise.all([
        client.status({ release: 'flask-app' }),
        client.history({ release: 'flask-app', max: 5 }),
        client.getValues({ release: 'flask-app' }),
        client.getManifest({ release: 'flask-app' }),
      ]);
      for (const r of reads) {
        expect(r.kind).toBe('failed');
        if (r.kind === 'failed') expect(r.result.stderr).toMatch(/unreachable|connection refused/i);
      }
    },
  );
});

describe('what helm said', () => {
  it('"release: not found" is an answer; other failures are not', () => {
    expect(isNotFound({ exitCode: 1, stdout: '', stderr: 'Error: release: not found' })).toBe(true);
    expect(isNotFound({ exitCode: 1, stdout: '', stderr: 'Error: kubernetes cluster unreachable' })).toBe(false);
    expect(isNotFound({ exitCode: 0, stdout: 'not found', stderr: '' })).toBe(false);
  });

  it('reads revision, status and chart from `helm status -o json`', () => {
    const json = JSON.stringify({
      version: 4,
      info: { status: 'deployed' },
      chart: { metadata: { name: 'flask-app', version: '0.1.0' } },
    });
    expect(parseStatus(json)).toEqual({ revision: 4, status: 'deployed', chart: 'flask-app-0.1.0' });
    expect(parseStatus('not json')).toEqual({ revision: 0, status: 'unknown' });
  });
});
