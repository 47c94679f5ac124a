import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { backoffMs, parseForwarding, pickPort, portIsFree } from '../../../src/kube/port-pick.js';

describe('pickPort', () => {
  it('takes the preferred port when free', async () => {
    expect(await pickPort(8080, async () => true)).toEqual({ port: 8080 });
  });
  it('takes the next free one and says so', async () => {
    const busy = new Set([8080, 8081]);
    expect(await pickPort(8080, async (p) => !busy.has(p))).toEqual({
      port: 8082,
      note: 'port 8080 is busy, using 8082',
    });
  });
  it('falls back to any free port when the whole span is busy', async () => {
    const r = await pickPort(8080, async () => false, 3);
    expect(r.port).toBeGreaterThan(0);
    expect(r.note).toContain('8080-8082 are busy');
  });
  it('portIsFree sees a real listener', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen({ port: 0, host: '127.0.0.1' }, () => r()));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    expect(await portIsFree(port)).toBe(false);
    await new Promise((r) => server.close(r));
    expect(await portIsFree(port)).toBe(true);
  });
});

describe('kubectl port-forward output and backoff', () => {
  it('reads the local port from "Forwarding from"', () => {
    expect(parseForwarding('Forwarding from 127.0.0.1:8081 -> 8080')).toBe(8081);
    expect(parseForwarding('Forwarding from [::1]:8081 -> 8080')).toBeUndefined();
    expect(parseForwarding('Handling connection for 8081')).toBeUndefined();
  });
  it('backs off 1 s, 2 s, 4 s … up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
