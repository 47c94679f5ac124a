import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpHealthy } from '../../../src/kube/port-forward.js';

describe('httpHealthy (the /health probe through the tunnel)', () => {
  let status = 200;
  const server = createServer((req, res) => {
    res.statusCode = req.url === '/health' ? status : 404;
    res.end('{"status":"ok"}');
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  it('is true for a 200 on /health and false for anything else', async () => {
    const live = new AbortController().signal;
    status = 200;
    expect(await httpHealthy(url, live)).toBe(true);
    status = 503;
    expect(await httpHealthy(url, live)).toBe(false);
  });

  it('is false when nothing listens, and when the run is interrupted', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await httpHealthy(`http://127.0.0.1:${port}`, new AbortController().signal)).toBe(false);
    status = 200;
    expect(await httpHealthy(url, AbortSignal.abort())).toBe(false);
  });
});
