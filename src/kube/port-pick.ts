// Choosing the local port for a forward: the preferred one if free, else the next
// free one nearby (so the URL stays guessable), else any free port.
import { createServer } from 'node:net';

export async function pickPort(
  preferred: number,
  isFree: (port: number) => Promise<boolean> = portIsFree,
  span = 20,
): Promise<{ port: number; note?: string }> {
  for (let p = preferred; p < preferred + span && p <= 65535; p++) {
    if (await isFree(p))
      return p === preferred ? { port: p } : { port: p, note: `port ${preferred} is busy, using ${p}` };
  }
  const any = await anyFreePort();
  return { port: any, note: `ports ${preferred}-${preferred + span - 1} are busy, using ${any}` };
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** kubectl prints `Forwarding from 127.0.0.1:8080 -> 8080` once it listens. */
export function parseForwarding(line: string): number | undefined {
  const m = /Forwarding from 127\.0\.0\.1:(\d+) ->/.exec(line);
  return m?.[1] ? Number(m[1]) : undefined;
}

/** Backoff for reconnects: 1 s, 2 s, 4 s … capped at 30 s. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}
