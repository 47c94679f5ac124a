import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/kube/k8s-types.js';
import { readyAppPod } from '../../../src/pipelines/port-forward.js';

const pod = (name: string, ready: boolean, created: string, extra: Partial<Pod['metadata']> = {}): Pod => ({
  metadata: { name, creationTimestamp: created, ...extra },
  spec: { containers: [{ name: 'flask-app', ports: [{ name: 'http', containerPort: 8080 }] }] },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

describe('readyAppPod', () => {
  it('picks the newest Ready pod that is not terminating, with its http port', () => {
    const pods = [
      pod('old', true, '2026-11-24T13:00:00Z'),
      pod('new', true, '2026-11-24T13:05:00Z'),
      pod('newest-not-ready', false, '2026-11-24T13:06:00Z'),
      pod('going', true, '2026-11-24T13:07:00Z', { deletionTimestamp: '2026-11-24T13:08:00Z' }),
    ];
    expect(readyAppPod(pods)).toEqual({ name: 'new', port: 8080 });
  });
  it('none Ready: nothing to forward to', () => {
    expect(readyAppPod([pod('a', false, '2026-11-24T13:00:00Z')])).toBeUndefined();
  });
});
