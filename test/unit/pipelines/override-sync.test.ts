import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { valuesFor } from '../../../src/domain/to-values.js';
import type { Runner } from '../../../src/kube/runner.js';
import { syncOverrideToRelease } from '../../../src/pipelines/override-sync.js';
import { writeOverride } from '../../../src/values/override-file.js';
import { DEV_ANSWERS } from '../../helpers/answers.js';

const CHART = join(import.meta.dirname, '../../../flask-app');
const ref = {
  release: 'flask-app',
  namespace: 'dev-flask-app',
  helm: { path: 'helm', major: 4 as const, version: 'v4.1.4' },
  kubectl: { path: 'kubectl' },
};

/** helm's `get values -o json`: what was supplied for the revision now deployed. */
function helmAnswering(values: unknown, seen: string[][] = []): Runner {
  return {
    run: async (cmd, args) => {
      seen.push([cmd, ...args]);
      return { exitCode: 0, stdout: JSON.stringify(values), stderr: '' };
    },
    spawn: () => {
      throw new Error('not used');
    },
  };
}

function target(dir: string) {
  const path = join(dir, 'flask-app.dev-flask-app.values.yaml');
  return { path, shownPath: './flask-app.dev-flask-app.values.yaml', chartDir: CHART, shownChart: 'flask-app' };
}

describe('syncOverrideToRelease (after a rollback)', () => {
  it('rewrites the wizard keys from the deployed values, keeps hand-added keys and comments, and a .bak', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhw-sync-'));
    const t = target(dir);
    await writeOverride({ ...DEV_ANSWERS, scaling: { mode: 'fixed', replicas: 3 } }, t);
    writeFileSync(t.path, `${readFileSync(t.path, 'utf8')}# kept by hand\npodLabels:\n  team: web\n`);
    const before = readFileSync(t.path, 'utf8');
    // Revision 1 ran one replica; its supplied values are the env file's plus the override.
    const deployed = { ...parse(readFileSync(join(CHART, 'values-dev.yaml'), 'utf8')), ...valuesFor(DEV_ANSWERS) };
    const seen: string[][] = [];
    const r = await syncOverrideToRelease(ref, helmAnswering(deployed, seen), t);
    expect(r).toEqual({ kind: 'rewritten', backup: './flask-app.dev-flask-app.values.yaml.bak' });
    expect(seen[0]).toEqual(['helm', 'get', 'values', 'flask-app', '--namespace', 'dev-flask-app', '--output', 'json']);
    const after = readFileSync(t.path, 'utf8');
    expect(parse(after).replicaCount ?? 1).toBe(1);
    expect(after).toContain('# kept by hand\npodLabels:\n  team: web');
    expect(readFileSync(`${t.path}.bak`, 'utf8')).toBe(before);
  });

  it('leaves a missing file missing, and an unreadable answer untouched with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhw-sync-'));
    const t = target(dir);
    expect(await syncOverrideToRelease(ref, helmAnswering({}), t)).toEqual({ kind: 'no-file' });
    await writeOverride(DEV_ANSWERS, t);
    const before = readFileSync(t.path, 'utf8');
    const failing: Runner = { ...helmAnswering({}), run: async () => ({ exitCode: 1, stdout: '', stderr: 'boom' }) };
    expect(await syncOverrideToRelease(ref, failing, t)).toEqual({
      kind: 'unchanged',
      reason: 'the deployed values could not be read',
    });
    expect(readFileSync(t.path, 'utf8')).toBe(before);
  });
});
