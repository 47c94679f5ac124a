import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubectlClientVersion } from '../../../src/kube/kubectl-version.js';
import { execaRunner, type Runner } from '../../../src/kube/runner.js';

const bin = new URL('../../../.cache/bin/', import.meta.url).pathname;

describe('kubectlClientVersion', () => {
  it('asks the real kubectl once, then remembers it per binary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhw-kubectl-version-'));
    const cache = join(dir, 'tool-versions.json');
    let runs = 0;
    const counting: Runner = {
      ...execaRunner,
      run: (...a) => {
        runs += 1;
        return execaRunner.run(...a);
      },
    };
    try {
      expect(await kubectlClientVersion(counting, `${bin}kubectl135`, cache)).toMatch(/^v1\.35\./);
      expect(await kubectlClientVersion(counting, `${bin}kubectl135`, cache)).toMatch(/^v1\.35\./);
      expect(runs).toBe(1);
      expect(await kubectlClientVersion(counting, `${bin}kubectl131`, cache)).toMatch(/^v1\.31\./);
      expect(runs).toBe(2);
      expect(await kubectlClientVersion(counting, join(dir, 'no-kubectl'), cache)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
