// The override file always describes what is deployed: a copy is kept before a run
// and put back when the run is rolled back. Writes go through the one atomic writer
// (io.ts: temp file, fsync, rename) so an interrupted restore never leaves half a file.
import { readFile, rm } from 'node:fs/promises';
import { writeFileAtomic } from './io.js';

export async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Keeps `<file>.bak` with the content that describes the deployed release. */
export async function backupOverride(path: string, before: string | null): Promise<void> {
  if (before !== null) await writeFileAtomic(`${path}.bak`, before);
}

/** Puts the override file back as it was; true when the file on disk changed. */
export async function restoreOverride(path: string, before: string | null): Promise<boolean> {
  const current = await readIfExists(path);
  if (current === before) return false;
  if (before === null) {
    // No file described the release before this run; keep the user's answers next to it.
    if (current !== null) await writeFileAtomic(`${path}.failed`, current);
    await rm(path, { force: true });
    return true;
  }
  await writeFileAtomic(path, before);
  return true;
}
