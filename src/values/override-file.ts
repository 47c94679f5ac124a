// The override file as the rest of the CLI sees it: load (→ remembered answers),
// build its text, validate against the chart schema, write it safely.
import { type Document, parse } from 'yaml';
import { type Answers, isEnvironment } from '../domain/answers.js';
import { UserError } from '../domain/errors.js';
import { answersFromValues } from '../domain/from-values.js';
import type { FlatAnswers } from '../domain/keys.js';
import { valuesFor } from '../domain/to-values.js';
import { buildOverrideDocument, type HeaderInfo, headerFacts, overrideText } from './document.js';
import { readYamlFile, writeFileAtomic } from './io.js';
import { chartValues, checkAgainstChartSchema, coalesce } from './schema.js';

export interface ExistingOverride {
  path: string;
  text: string;
  doc: Document;
  /** What the file says, as flag-keyed answers (the "remembered" layer). */
  answers: FlatAnswers;
}

/**
 * Flag-keyed answers from values that sit on top of the chart's environment values (an
 * override file, or what helm says was supplied): the environment they name picks the
 * base, so keys the environment already sets are read as it sets them.
 */
export async function answersOnChart(
  values: unknown,
  chartDir: string | undefined,
  env?: unknown,
): Promise<FlatAnswers> {
  const environment = answersFromValues(values).environment ?? env;
  const base = chartDir && isEnvironment(environment) ? await chartValues(chartDir, environment) : undefined;
  return answersFromValues(base === undefined ? values : coalesce(base, values));
}

/**
 * Reads an existing override file; `undefined` when there is none. Invalid → exit 2,
 * file untouched. Its answers are read from the values helm would see (the chart's
 * environment values under the file), because the file only holds the differences.
 */
export async function loadOverride(path: string, chartDir?: string): Promise<ExistingOverride | undefined> {
  const r = await readYamlFile(path);
  if (r.kind === 'missing') return undefined;
  if (r.kind === 'invalid') throw new UserError({ message: r.message, hint: r.hint }, 2);
  // The header names release, namespace and environment (not chart values); a flask.env
  // edited by hand wins over the header.
  const facts = headerFacts(r.doc);
  const fromHeader: FlatAnswers = facts
    ? { release: facts.release, namespace: facts.namespace, environment: facts.environment }
    : {};
  const answers = { ...fromHeader, ...(await answersOnChart(r.values, chartDir, facts?.environment)) };
  return { path, text: r.text, doc: r.doc, answers };
}

export interface OverrideTarget {
  path: string;
  /** The path as printed in the header and in helm commands. */
  shownPath: string;
  /** The chart as printed in commands (e.g. `flask-app`). */
  shownChart: string;
  chartDir: string;
}

/**
 * The text that would be written (the Review screen shows exactly this). With `base`
 * (see `chartValues`), keys the environment already sets are left out.
 */
export function overrideTextFor(
  answers: Answers,
  target: OverrideTarget,
  existing?: ExistingOverride,
  base?: unknown,
): string {
  const header: HeaderInfo = { answers, valuesPath: target.shownPath, chart: target.shownChart, base };
  // Work on a copy: building the preview must not change the loaded document.
  const doc = existing ? existing.doc.clone() : undefined;
  return overrideText(buildOverrideDocument(header, doc));
}

/** The override text on top of the chart's environment values, as the CLI writes it. */
export async function minimalOverrideText(
  answers: Answers,
  target: OverrideTarget,
  existing?: ExistingOverride,
): Promise<string> {
  return overrideTextFor(answers, target, existing, await chartValues(target.chartDir, answers.environment));
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
  const text = await minimalOverrideText(answers, target, existing);
  // Validate what the file will hold, user keys included, layered as helm will.
  await assertSchema(answers, target.chartDir, parse(text) ?? valuesFor(answers));
  await writeFileAtomic(target.path, text, { backup: existing !== undefined, mode: 0o600 });
  return { text, backedUp: existing !== undefined };
}
