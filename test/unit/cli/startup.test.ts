import { describe, expect, it } from 'vitest';
import { lazyRunner } from '../../../src/cli/startup.js';

// The wizard's runner loads execa on first use. With preflight reading the API and the
// helm version remembered, the first use can be a spawn (helm upgrade) — it must work.
describe('lazyRunner', () => {
  it('starts a child spawned before anything was run', async () => {
    const runner = lazyRunner(false, () => undefined);
    const lines: string[] = [];
    const child = runner.spawn(process.execPath, ['-e', 'console.log("spawned first")'], {
      onLine: (l) => lines.push(l),
    });
    const r = await child.done;
    expect(r.exitCode).toBe(0);
    expect(lines).toContain('spawned first');
    expect(typeof child.pid).toBe('number');
  });

  it('delivers an interrupt asked for before the child could start', async () => {
    const runner = lazyRunner(false, () => undefined);
    const child = runner.spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    child.interrupt();
    const r = await child.done;
    expect(r.exitCode).not.toBe(0);
    expect(r.signal).toBe('SIGINT');
  });
});
