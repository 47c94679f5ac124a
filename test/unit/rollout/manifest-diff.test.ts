import { describe, expect, it } from 'vitest';
import { diffManifests, lineDiff, type ManifestDiff } from '../../../src/rollout/manifest-diff.js';

/** The preview as one string, the way the run screen prints its lines. */
const diffText = (d: ManifestDiff) => d.lines.map((l) => (l.op === '@' ? l.text : `${l.op} ${l.text}`)).join('\n');

const deployment = (replicas: number, annotation?: string) => `---
# Source: flask-app/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: fa-flask-app
spec:
  replicas: ${replicas}
  template:
    metadata:
      annotations:
        checksum/config: abc${annotation ? `\n        e2e/fail: ${annotation}` : ''}
`;
const secret = (password: string) => `---
apiVersion: v1
kind: Secret
metadata:
  name: fa-postgresql
data:
  password: ${Buffer.from(password).toString('base64')}
`;

describe('lineDiff', () => {
  it('marks additions and removals around the common lines', () => {
    expect(lineDiff(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: '+', text: 'x' },
      { op: ' ', text: 'c' },
    ]);
  });
  it('keeps only the context around changes', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`);
    const b = [...a];
    b[10] = 'changed';
    const d = lineDiff(a, b, 1);
    expect(d.filter((l) => l.op === ' ').map((l) => l.text)).toEqual(['l9', 'l11']);
    expect(d[0]).toEqual({ op: '@', text: '  …' });
  });
});

describe('diffManifests', () => {
  it('shows a changed field of a Deployment, by object', () => {
    const d = diffManifests(deployment(1) + secret('one'), deployment(2, 'crashloop') + secret('one'));
    const text = diffText(d);
    expect(text).toContain('── Deployment/fa-flask-app (changed)');
    expect(text).toContain('-   replicas: 1');
    expect(text).toContain('+   replicas: 2');
    expect(text).toMatch(/^\+ +e2e\/fail: crashloop$/m);
    expect(text).not.toContain('Secret');
    expect(d).toMatchObject({ added: 2, removed: 1 });
  });
  it('never shows Secret values, but shows that one changed', () => {
    const d = diffText(diffManifests(secret('old-pass'), secret('new-pass')));
    expect(d).toContain('── Secret/fa-postgresql (changed)');
    expect(d).not.toContain(Buffer.from('old-pass').toString('base64'));
    expect(d).not.toContain(Buffer.from('new-pass').toString('base64'));
    expect(d).toContain('(redacted');
  });
  it('new and removed objects', () => {
    const d = diffText(diffManifests(deployment(1), secret('x')));
    expect(d).toContain('Deployment/fa-flask-app (removed)');
    expect(d).toContain('Secret/fa-postgresql (new)');
  });
  it('no change, no lines', () => {
    expect(diffManifests(deployment(1), deployment(1)).lines).toEqual([]);
  });
});
