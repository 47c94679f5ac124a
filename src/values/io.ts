// File edges for the override file: read with precise parse errors, and write
// atomically (temp file + rename) with mode 0600 and a `.bak` of the previous file.
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type Document, isMap, LineCounter, parseDocument } from 'yaml';

export type ReadResult =
  | { kind: 'missing' }
  | { kind: 'ok'; text: string; doc: Document; values: unknown }
  | { kind: 'invalid'; message: string; hint: string; line?: number; column?: number };

/** Reads and parses a YAML file; a parse error names its line and column. Never writes. */
export async function readYamlFile(path: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return {
      kind: 'invalid',
      message: `cannot read ${path}: ${(e as Error).message}`,
      hint: code === 'EACCES' ? 'check the file permissions' : 'check the path',
    };
  }
  return parseYamlText(text, path);
}

function parseYamlText(text: string, path: string): ReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    return {
      kind: 'invalid',
      message: `${path}:${pos.line}:${pos.col}: ${first.message.split('\n')[0]}`,
      hint: `fix the YAML at line ${pos.line}, column ${pos.col} (the file was left untouched), or move it away to start fresh`,
      line: pos.line,
      column: pos.col,
    };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return {
      kind: 'invalid',
      message: `${path}: the top level is not a map of keys`,
      hint: 'a values file is a YAML map like "image:\\n  tag: 1.0"; the file was left untouched',
      line: 1,
      column: 1,
    };
  }
  return { kind: 'ok', text, doc, values: doc.toJS() ?? {} };
}

export interface AtomicWriteOptions {
  /** Keep the previous file as `<path>.bak`. */
  backup?: boolean;
  mode?: number;
  /** Test seam: runs after the temp file is complete, before it replaces the target. */
  beforeRename?: () => void | Promise<void>;
}

/**
 * Writes `text` so that readers see either the old file or the new one, never a
 * half-written file: temp file in the same directory, fsync, then rename over.
 */
export async function writeFileAtomic(path: string, text: string, opts: AtomicWriteOptions = {}): Promise<void> {
  const mode = opts.mode ?? 0o600;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(tmp, 'wx', mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    // The umask may have narrowed the mode on create; make it exact.
    await chmod(tmp, mode);
    if (opts.backup) await backupIfExists(path, mode);
    await opts.beforeRename?.();
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

async function backupIfExists(path: string, mode: number): Promise<void> {
  try {
    await copyFile(path, `${path}.bak`);
    await chmod(`${path}.bak`, mode);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}
