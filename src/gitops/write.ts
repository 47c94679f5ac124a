// Writes the export folder. Re-export is idempotent (a file whose text would not
// change is not touched, so no `.bak` churn) and keeps hand edits (merge.ts); a file
// that changes keeps its previous version as `<file>.bak`, and every write is atomic
// (values/io: temp file in the same directory, fsync, rename), so a reader never sees half a file.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../values/io.js';
import { type ExportFile, exportFiles, type ValuesTexts, YAML_HEADER } from './files.js';
import { checkInput, type GitOpsInput, type InputProblem } from './input.js';
import { mergeYaml } from './merge.js';
import { mergeReadme } from './readme.js';

export interface ExportResult {
  dir: string;
  written: string[];
  unchanged: string[];
}

export class ExportError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly problems: InputProblem[] = [],
  ) {
    super(message);
  }
}

/** Files go to git and hold no secrets: readable by the team, like any checkout. */
const MODE = 0o644;

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function render(f: ExportFile, existing: string | undefined, header: string): string {
  if (f.kind === 'copy') return f.text;
  if (f.kind === 'readme') return mergeReadme(existing, f.section);
  const merged = mergeYaml(existing, f.value, header);
  if (!merged.ok)
    throw new ExportError(
      `${f.name}: ${merged.message}`,
      `fix ${f.name} by hand or move it away; the export folder was left untouched`,
    );
  return merged.text;
}

/** Writes (or re-exports) the folder for `input` into `dir`. */
export async function writeExport(dir: string, input: GitOpsInput, values: ValuesTexts): Promise<ExportResult> {
  const problems = checkInput(input);
  if (problems.length > 0)
    throw new ExportError(
      `cannot export: ${problems.map((p) => p.message).join('; ')}`,
      problems.map((p) => `${p.field}: ${p.hint}`).join('; '),
      problems,
    );
  const header = YAML_HEADER(input);
  // Everything is rendered before anything is written, so a refused file leaves the
  // whole folder as it was.
  const planned: { path: string; name: string; text: string; existing: string | undefined }[] = [];
  for (const f of exportFiles(input, values)) {
    const path = join(dir, f.name);
    const existing = await readIfExists(path);
    planned.push({ path, name: f.name, text: render(f, existing, header), existing });
  }
  await mkdir(dir, { recursive: true });
  const result: ExportResult = { dir, written: [], unchanged: [] };
  for (const p of planned) {
    if (p.existing === p.text) {
      result.unchanged.push(p.name);
      continue;
    }
    await writeFileAtomic(p.path, p.text, { mode: MODE, backup: p.existing !== undefined });
    result.written.push(p.name);
  }
  return result;
}
