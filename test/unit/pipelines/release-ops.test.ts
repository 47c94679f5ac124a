import { describe, expect, it } from 'vitest';
import { parseStatus } from '../../../src/kube/helm/client.js';
import { ingressUrl, rollbackTarget } from '../../../src/pipelines/release-ops.js';

const rows = (...r: [number, string][]) => r.map(([revision, status]) => ({ revision, status }));

describe('rollbackTarget', () => {
  it('defaults to the good revision before the deployed one', () => {
    expect(rollbackTarget(rows([1, 'superseded'], [2, 'superseded'], [3, 'deployed']))).toEqual({ to: 2 });
  });
  it('skips failed revisions on the way back', () => {
    expect(rollbackTarget(rows([1, 'superseded'], [2, 'failed'], [3, 'deployed']))).toEqual({ to: 1 });
  });
  it('a stuck pending or failed release goes back to its last good revision', () => {
    expect(rollbackTarget(rows([1, 'superseded'], [2, 'deployed'], [3, 'pending-upgrade']))).toEqual({ to: 2 });
    expect(rollbackTarget(rows([1, 'deployed'], [2, 'failed']))).toEqual({ to: 1 });
  });
  it('honours --revision and rejects one that does not exist', () => {
    expect(rollbackTarget(rows([1, 'superseded'], [2, 'deployed']), 1)).toEqual({ to: 1 });
    expect(rollbackTarget(rows([1, 'deployed']), 7)).toEqual({ error: 'revision 7 does not exist' });
  });
  it('a single revision has nothing to go back to', () => {
    expect(rollbackTarget(rows([1, 'deployed']))).toEqual({ error: 'there is no earlier revision to roll back to' });
  });
});

describe('status parsing', () => {
  it('reads helm status -o json', () => {
    const json = JSON.stringify({
      name: 'fa',
      version: 4,
      info: { status: 'deployed' },
      chart: { metadata: { name: 'flask-app', version: '0.1.0' } },
    });
    expect(parseStatus(json)).toEqual({ revision: 4, status: 'deployed', chart: 'flask-app-0.1.0' });
  });
  it('builds the URL from the Ingress, https when TLS covers the host', () => {
    const list = (tls: boolean) =>
      JSON.stringify({
        items: [
          { spec: { rules: [{ host: 'app.example.com' }], ...(tls ? { tls: [{ hosts: ['app.example.com'] }] } : {}) } },
        ],
      });
    expect(ingressUrl(list(true))).toBe('https://app.example.com');
    expect(ingressUrl(list(false))).toBe('http://app.example.com');
    expect(ingressUrl('{"items":[]}')).toBeUndefined();
  });
});
