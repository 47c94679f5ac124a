// The execa runner against real child processes (node itself), never helm/kubectl.
import { describe, expect, it } from 'vitest';
import { execaRunner } from '../../../src/kube/runner.js';

const node = process.execPath;

describe('execaRunner', () => {
  it('returns exit code, stdout and stderr without throwing on failure', async () => {
    const r = await execaRunner.run(node, ['-e', 'console.log("out"); console.error("err"); process.exit(4)']);
    expect(r).toMatchObject({ exitCode: 4, stdout: 'out', stderr: 'err' });
  });
  it('streams lines as they arrive and passes stdin (how secrets travel)', async () => {
    const lines: string[] = [];
    const r = await execaRunner.run(
      node,
      ['-e', 'process.stdin.on("data", d => { console.log("a"); console.log(String(d).toUpperCase()); })'],
      { input: 's3cret', onLine: (l) => lines.push(l) },
    );
    expect(r.exitCode).toBe(0);
    expect(lines).toEqual(['a', 'S3CRET']);
  });
  it('a missing binary is a value with a hint, not an exception', async () => {
    const r = await execaRunner.run('/nonexistent/helm', ['version']);
    expect(r.exitCode).toBe(127);
    expect(r.missing).toMatchObject({ kind: 'missing-binary', hint: expect.stringContaining('--helm-binary') });
  });
  it('interrupt() delivers SIGINT so the child can clean up, and done reports how it ended', async () => {
    const child = execaRunner.spawn(
      node,
      [
        '-e',
        'process.on("SIGINT", () => { console.log("cleaning up"); process.exit(7); }); console.log("ready"); setInterval(() => {}, 1000);',
      ],
      {
        onLine: (l) => {
          if (l === 'ready') child.interrupt();
        },
      },
    );
    const r = await child.done;
    expect(r.exitCode).toBe(7);
    expect(r.stdout).toContain('cleaning up');
  });
  it('aborting the signal ends the child', async () => {
    const ac = new AbortController();
    const child = execaRunner.spawn(node, ['-e', 'setInterval(() => {}, 1000)'], { signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    const r = await child.done;
    expect(r.exitCode).not.toBe(0);
  });
});
