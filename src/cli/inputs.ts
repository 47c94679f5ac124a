// Command line + --answers file + existing override file → answer layers, and the
// paths everything is written to. All problems are collected, none thrown one by one.
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { Document } from 'yaml';
import { type Environment, isEnvironment } from '../domain/answers.js';
import { UserError, type UserProblem } from '../domain/errors.js';
import { optionProperty } from '../domain/fields.js';
import {
  ANSWER_KEYS,
  type AnswerKey,
  type AnswerLayer,
  type FlatAnswers,
  firstAnswer,
  flagFor,
  isAnswerKey,
} from '../domain/keys.js';
import { DEFAULT_RELEASE, defaultNamespace } from '../domain/presets.js';
import { readYamlFile } from '../values/io.js';
import { type ExistingOverride, loadOverride } from '../values/override-file.js';
import type { CliOptions } from './options.js';

export function flagLayer(o: CliOptions): AnswerLayer {
  const values: FlatAnswers = {};
  for (const key of ANSWER_KEYS) {
    const v = o[optionProperty(key)];
    if (v !== undefined) values[key] = v;
  }
  return { source: 'flag', values };
}

/** Reads `--answers FILE`: a YAML map keyed by long flag names. */
export async function answersFileLayer(path: string): Promise<AnswerLayer> {
  const r = await readYamlFile(path);
  if (r.kind === 'missing') {
    throw new UserError({ message: `--answers ${path}: no such file`, hint: 'check the path of the answers file' }, 2);
  }
  if (r.kind === 'invalid') throw new UserError({ message: `--answers ${r.message}`, hint: r.hint }, 2);
  const problems: UserProblem[] = [];
  const values: FlatAnswers = {};
  const data = (r.values ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    if (!isAnswerKey(key)) {
      problems.push({
        message: `--answers ${path}: unknown key "${key}"`,
        hint: `keys are the long flag names: ${suggest(key) ?? ANSWER_KEYS.join(', ')}`,
      });
      continue;
    }
    if (value !== null && typeof value === 'object') {
      problems.push({
        message: `--answers ${path}: "${key}" must be a single value, not a list or map`,
        hint: `write it as on the command line, e.g. ${key}: ${key === 'autoscale' ? '"3:20"' : '…'}`,
      });
      continue;
    }
    values[key] = value;
  }
  if (problems.length) throw new UserError(problems, 2);
  return { source: 'answers-file', origin: path, values };
}

function suggest(key: string): string | undefined {
  const k = key.replace(/_/g, '-').toLowerCase();
  const close = ANSWER_KEYS.find((a) => a === k || a.replace(/-/g, '') === k.replace(/-/g, ''));
  return close ? `did you mean "${close}"?` : undefined;
}

/** The chart directory, and how commands shown to the user spell it. */
export interface ChartPaths {
  chartDir: string;
  shownChart: string;
}

/** Where the override file is, from --values-file or release + namespace. */
function locateValuesFile(
  o: CliOptions,
  layers: readonly AnswerLayer[],
  cwd: string,
  fallbackEnv: Environment | undefined,
): { path: string; shown: string } | undefined {
  if (o.valuesFile) return { path: resolve(cwd, o.valuesFile), shown: o.valuesFile };
  const env = firstAnswer(layers, 'environment');
  const environment = isEnvironment(env) ? env : fallbackEnv;
  const namespace = firstAnswer(layers, 'namespace') ?? (environment ? defaultNamespace(environment) : undefined);
  if (!namespace) return undefined;
  const release = firstAnswer(layers, 'release') ?? DEFAULT_RELEASE;
  return valuesFileFor(release, namespace, cwd);
}

export function valuesFileFor(release: string, namespace: string, cwd: string): { path: string; shown: string } {
  const name = `${release}.${namespace}.values.yaml`;
  return { path: join(cwd, name), shown: `./${name}` };
}

export function chartPaths(o: CliOptions, cwd: string, packageRoot: string | undefined): ChartPaths {
  if (o.chart) return { chartDir: resolve(cwd, o.chart), shownChart: o.chart };
  const chartDir = join(packageRoot ?? cwd, 'flask-app');
  const rel = relative(cwd, chartDir);
  return { chartDir, shownChart: rel === '' || rel.startsWith('..') || isAbsolute(rel) ? chartDir : rel };
}

export interface GatheredInput {
  /** Flags then answers file: what the user said on this run. */
  given: AnswerLayer[];
  existing?: ExistingOverride;
  valuesFile?: { path: string; shown: string };
  /** Things to tell the user before going on (e.g. a file not reused). */
  warnings: UserProblem[];
}

export interface GatherOptions {
  /** Environment assumed for locating the file when none is given (`--yes` → dev). */
  fallbackEnv?: Environment | undefined;
  /** With nothing to locate the file by, reuse the newest override file in the folder (wizard runs). */
  discover?: boolean;
  /** The chart, whose environment values the override file is read on top of. */
  chartDir?: string;
}

export async function gatherInput(o: CliOptions, cwd: string, opts: GatherOptions = {}): Promise<GatheredInput> {
  const given = [flagLayer(o)];
  if (o.answers) given.push(await answersFileLayer(resolve(cwd, o.answers)));
  const valuesFile =
    locateValuesFile(o, given, cwd, opts.fallbackEnv) ?? (opts.discover ? await discoverValuesFile(cwd) : undefined);
  const warnings: UserProblem[] = [];
  let existing = valuesFile ? await loadOverride(valuesFile.path, opts.chartDir) : undefined;
  const givenEnv = firstAnswer(given, 'environment');
  const fileEnv = existing?.answers.environment;
  if (existing && valuesFile && givenEnv !== undefined && fileEnv !== undefined && givenEnv !== fileEnv) {
    // Answers made for another environment (an in-cluster database for dev…) must not
    // leak into this one.
    warnings.push({
      message: `${valuesFile.shown} was written for environment ${String(fileEnv)}; its answers are not reused for ${givenEnv}`,
      hint: `it will be rewritten for ${givenEnv} (the previous file is kept as ${valuesFile.shown}.bak); pass another --values-file to keep both`,
    });
    existing = { ...existing, answers: {} };
  }
  if (existing && o.reset) {
    // Start from the environment's defaults and a fresh file; the old one becomes .bak.
    existing = { ...existing, answers: {}, doc: new Document({}) };
  }
  return {
    given,
    ...(existing ? { existing } : {}),
    ...(valuesFile ? { valuesFile } : {}),
    warnings,
  };
}

const OVERRIDE_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.values\.yaml$/;

/** The most recently written `<release>.<namespace>.values.yaml` of ours in `cwd`. */
export async function discoverValuesFile(cwd: string): Promise<{ path: string; shown: string } | undefined> {
  let best: { path: string; shown: string; mtime: number } | undefined;
  let names: string[];
  try {
    names = await readdir(cwd);
  } catch {
    return undefined;
  }
  for (const name of names.filter((n) => OVERRIDE_NAME.test(n))) {
    const path = join(cwd, name);
    try {
      const text = await readFile(path, 'utf8');
      if (!text.startsWith('# flask-helm-wizard values override:')) continue;
      const mtime = (await stat(path)).mtimeMs;
      if (!best || mtime > best.mtime) best = { path, shown: `./${name}`, mtime };
    } catch {
      // unreadable: not something we can reuse
    }
  }
  return best ? { path: best.path, shown: best.shown } : undefined;
}

/** The layers in precedence order: flags, answers file, the existing override file. */
export function layersOf(input: GatheredInput): AnswerLayer[] {
  const layers = [...input.given];
  if (input.existing) {
    layers.push({
      source: 'values-file',
      ...(input.valuesFile ? { origin: input.valuesFile.shown } : {}),
      values: input.existing.answers,
    });
  }
  return layers;
}

/** The message for answers nobody gave, naming the flags that give them. */
export function missingProblem(missing: readonly AnswerKey[], yes: boolean): UserProblem {
  const flags = [...new Set(missing)].map(flagFor);
  return {
    message: `missing answers: ${flags.join(', ')}`,
    hint: yes
      ? `these have no default: pass ${flags.join(' ')} (or put them in an --answers file)`
      : `pass ${flags.join(' ')} (or put them in an --answers file), or add --yes to take the defaults where there are some`,
  };
}
