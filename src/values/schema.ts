// Validates the values helm will see (chart defaults ⊕ environment file ⊕ override)
// against the chart's values.schema.json before anything is written, so a bad
// answer is reported by the wizard with the key it concerns, not later by helm.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Environment } from '../domain/answers.js';
import { isObj, type Obj } from '../domain/value-paths.js';
import { validatorFor } from './schema-validator.js';

export interface SchemaProblem {
  /** Dotted key, e.g. `image.tag`. */
  key: string;
  message: string;
}

/** Helm's coalescing: maps merge deeply, everything else replaces, null deletes a key. */
export function coalesce(base: unknown, over: unknown): unknown {
  if (!isObj(base) || !isObj(over)) return over === undefined ? base : over;
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else out[k] = k in out ? coalesce(out[k], v) : v;
  }
  return out;
}

function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (!isObj(v)) return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, x]) => x !== null)
      .map(([k, x]) => [k, dropNulls(x)]),
  );
}

async function readYaml(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  // The bundled chart's files come parsed with the build; any other text is parsed here.
  const { precompiledYaml } = await import('./precompiled-values.js');
  const json = precompiledYaml[createHash('sha256').update(text).digest('hex')];
  return json !== undefined ? JSON.parse(json) : (parse(text) ?? {});
}

const chartValuesCache = new Map<string, Promise<unknown>>();

/**
 * What helm sees before the override: the chart's values.yaml ⊕ values-<env>.yaml.
 * Read once per process: the chart's commented values.yaml is slow to parse, and a run
 * needs it for remembering, writing and validating.
 */
export function chartValues(chartDir: string, env: Environment): Promise<unknown> {
  const key = `${chartDir}\0${env}`;
  let cached = chartValuesCache.get(key);
  if (!cached) {
    cached = (async () => {
      const base = await readYaml(join(chartDir, 'values.yaml'));
      return coalesce(base, await readYaml(join(chartDir, `values-${env}.yaml`)));
    })();
    chartValuesCache.set(key, cached);
  }
  return cached;
}

/**
 * Returns the schema problems of `override` layered on the chart's values for
 * `env`; an empty list when it passes or when the chart carries no schema.
 */
export async function checkAgainstChartSchema(
  chartDir: string,
  env: Environment,
  override: unknown,
): Promise<SchemaProblem[]> {
  let schemaText: string;
  try {
    schemaText = await readFile(join(chartDir, 'values.schema.json'), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const [validate, base] = await Promise.all([validatorFor(schemaText), chartValues(chartDir, env)]);
  const merged = dropNulls(coalesce(base, override));
  if (validate(merged)) return [];
  return (validate.errors ?? []).map((e) => {
    const key = e.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(top level)';
    const extra = e.keyword === 'additionalProperties' ? ` "${String(e.params.additionalProperty)}"` : '';
    return { key, message: `${e.message ?? 'is invalid'}${extra}` };
  });
}
