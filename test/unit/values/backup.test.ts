// Keeping and putting back the override file around a run, on a real file system.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupOverride, readIfExists, restoreOverride } from '../../../src/values/backup.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fhw-backup-'));
  file = join(dir, 'flask-app.dev-flask-app.values.yaml');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the override file around a run', () => {
  it('keeps <file>.bak, readable by the owner only', async () => {
    await backupOverride(file, 'replicaCount: 1\n');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('replicaCount: 1\n');
    expect(statSync(`${file}.bak`).mode & 0o777).toBe(0o600);
    await backupOverride(join(dir, 'none.yaml'), null);
    expect(existsSync(join(dir, 'none.yaml.bak'))).toBe(false);
  });

  it('puts the earlier text back, and says whether anything changed', async () => {
    writeFileSync(file, 'replicaCount: 3\n');
    expect(await restoreOverride(file, 'replicaCount: 1\n')).toBe(true);
    expect(await readIfExists(file)).toBe('replicaCount: 1\n');
    expect(await restoreOverride(file, 'replicaCount: 1\n')).toBe(false);
  });

  it('a first run that failed leaves no file, its answers kept as <file>.failed', async () => {
    writeFileSync(file, 'replicaCount: 3\n');
    expect(await restoreOverride(file, null)).toBe(true);
    expect(await readIfExists(file)).toBeNull();
    expect(readFileSync(`${file}.failed`, 'utf8')).toBe('replicaCount: 3\n');
  });
});
