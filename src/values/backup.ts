// The override file always describes what is deployed: a copy is kept before a run
// and put back when the run is rolled back. Writes are atomic (temp file + rename) so
// an interrupted restore never leaves half a file.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';

export async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export async function writeAtomic(path: string, content: string): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content, { mode: 0o600 });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Keeps `<file>.bak` with the content that describes the deployed release. */
export async function backupOverride(path: string, before: string | null): Promise<void> {
  if (before !== null) await writeAtomic(`${path}.bak`, before);
}

/** Puts the override file back as it was; true when the file on disk changed. */
export async function restoreOverride(path: string, before: string | null): Promise<boolean> {
  const current = await readIfExists(path);
  if (current === before) return false;
  if (before === null) {
    // No file described the release before this run; keep the user's answers next to it.
    if (current !== null) await writeAtomic(`${path}.failed`, current);
    await rm(path, { force: true });
    return true;
  }
  await writeAtomic(path, before);
  return true;
}
