// The override file as the rest of the CLI sees it: load (→ remembered answers),
// build its text, validate against the chart schema, write it safely.
import { type Document, parse } from 'yaml';
import type { Answers } from '../domain/answers.js';
import { UserError } from '../domain/errors.js';
import { answersFromValues } from '../domain/from-values.js';
import type { FlatAnswers } from '../domain/keys.js';
import { valuesFor } from '../domain/to-values.js';
import { buildOverrideDocument, type HeaderInfo, headerFacts, overrideText } from './document.js';
import { readYamlFile, writeFileAtomic } from './io.js';
import { checkAgainstChartSchema } from './schema.js';

export interface ExistingOverride {
  path: string;
  text: string;
  doc: Document;
  /** What the file says, as flag-keyed answers (the "remembered" layer). */
  answers: FlatAnswers;
}

/** Reads an existing override file; `undefined` when there is none. Invalid → exit 2, file untouched. */
export async function loadOverride(path: string): Promise<ExistingOverride | undefined> {
  const r = await readYamlFile(path);
  if (r.kind === 'missing') return undefined;
  if (r.kind === 'invalid') throw new UserError({ message: r.message, hint: r.hint }, 2);
  // The header names release and namespace (they are not chart values); the keys win
  // for the environment because a user may have edited flask.env by hand.
  const facts = headerFacts(r.doc);
  const fromHeader: FlatAnswers = facts
    ? { release: facts.release, namespace: facts.namespace, environment: facts.environment }
    : {};
  return { path, text: r.text, doc: r.doc, answers: { ...fromHeader, ...answersFromValues(r.values) } };
}

export interface OverrideTarget {
  path: string;
  /** The path as printed in the header and in helm commands. */
  shownPath: string;
  /** The chart as printed in commands (e.g. `flask-app`). */
  shownChart: string;
  chartDir: string;
}

/** The text that would be written (the Review screen shows exactly this). */
export function overrideTextFor(answers: Answers, target: OverrideTarget, existing?: ExistingOverride): string {
  const header: HeaderInfo = { answers, valuesPath: target.shownPath, chart: target.shownChart };
  // Work on a copy: building the preview must not change the loaded document.
  const doc = existing ? existing.doc.clone() : undefined;
  return overrideText(buildOverrideDocument(header, doc));
}

/** Schema problems as one user error naming each key. */
export async function assertSchema(answers: Answers, chartDir: string, values: unknown): Promise<void> {
  const problems = await checkAgainstChartSchema(chartDir, answers.environment, values);
  if (problems.length === 0) return;
  throw new UserError(
    problems.map((p) => ({
      message: `values.schema.json: ${p.key} ${p.message}`,
      hint: `fix ${p.key} in the values file or the answer that sets it`,
    })),
    2,
  );
}

export interface WriteResult {
  text: string;
  /** True when a previous file was kept as `<path>.bak`. */
  backedUp: boolean;
}

export async function writeOverride(
  answers: Answers,
  target: OverrideTarget,
  existing?: ExistingOverride,
): Promise<WriteResult> {
  const text = overrideTextFor(answers, target, existing);
  // Validate what the file will hold, user keys included, layered as helm will.
  await assertSchema(answers, target.chartDir, parse(text) ?? valuesFor(answers));
  await writeFileAtomic(target.path, text, { backup: existing !== undefined, mode: 0o600 });
  return { text, backedUp: existing !== undefined };
}
