// Runs the real helm 3 and helm 4 binaries against flask-app/ and parses what they
// print. Renders are memoised per (major, arguments): one render is shared by every
// assertion that needs it, which keeps the suite fast on a 2-core machine.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHART = path.join(ROOT, 'flask-app');
export const MAJORS = ['helm3', 'helm4'] as const;
export type Major = (typeof MAJORS)[number];
export const ENVS = ['dev', 'staging', 'prod'] as const;
export type Env = (typeof ENVS)[number];

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: unknown;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function helmBinary(major: Major): string {
  return path.join(ROOT, '.cache', 'bin', major);
}

export function run(file: string, args: readonly string[], input?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

export function helm(major: Major, args: readonly string[]): Promise<RunResult> {
  return run(helmBinary(major), args);
}

export interface RenderOptions {
  env?: Env;
  /** Extra values, written to a file and passed with -f after the env file. */
  values?: Record<string, unknown>;
  /** --set pairs (helm's own syntax, e.g. 'podAnnotations.e2e/fail': 'crashloop'). */
  set?: Record<string, string>;
  release?: string;
  namespace?: string;
  /** Extra raw arguments (e.g. ['--skip-tests']). */
  extra?: readonly string[];
}

let valuesDir: string | undefined;
let valuesCounter = 0;

function valuesFile(values: Record<string, unknown>): string {
  valuesDir ??= mkdtempSync(path.join(tmpdir(), 'fhw-chart-values-'));
  valuesCounter += 1;
  const file = path.join(valuesDir, `values-${process.pid}-${valuesCounter}.yaml`);
  writeFileSync(file, stringify(values));
  return file;
}

export function valuesArgs(opts: RenderOptions): string[] {
  const args: string[] = [];
  if (opts.env) args.push('-f', path.join(CHART, `values-${opts.env}.yaml`));
  if (opts.values) args.push('-f', valuesFile(opts.values));
  for (const [key, value] of Object.entries(opts.set ?? {})) args.push('--set', `${key}=${value}`);
  return args;
}

export function templateArgs(opts: RenderOptions): string[] {
  return [
    'template',
    opts.release ?? 'web',
    CHART,
    '--namespace',
    opts.namespace ?? 'apps',
    ...valuesArgs(opts),
    ...(opts.extra ?? []),
  ];
}

export function parseObjects(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`helm printed invalid YAML: ${doc.errors[0]?.message}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((obj): obj is K8sObject => obj !== null && typeof obj === 'object');
}

const cache = new Map<string, Promise<RunResult>>();

/** `helm template` with the given options (memoised); resolves to helm's result, failing or not. */
export function templateRaw(major: Major, opts: RenderOptions = {}): Promise<RunResult> {
  const key = JSON.stringify([major, opts]);
  let pending = cache.get(key);
  if (!pending) {
    pending = helm(major, templateArgs(opts));
    cache.set(key, pending);
  }
  return pending;
}

/** Rendered objects; throws with helm's message when rendering fails. */
export async function render(major: Major, opts: RenderOptions = {}): Promise<K8sObject[]> {
  const result = await templateRaw(major, opts);
  if (result.code !== 0) throw new Error(`helm template failed (${major}): ${result.stderr}`);
  return parseObjects(result.stdout);
}

/** helm's error output for a render that must fail; throws when it renders. */
export async function renderError(major: Major, opts: RenderOptions): Promise<string> {
  const result = await templateRaw(major, opts);
  if (result.code === 0) throw new Error(`expected helm template to fail (${major}) with ${JSON.stringify(opts)}`);
  return result.stderr;
}

export function ofKind(objects: readonly K8sObject[], kind: string): K8sObject[] {
  return objects.filter((o) => o.kind === kind);
}

/** The single object of a kind (optionally by name); throws when there is not exactly one. */
export function one<T = K8sObject>(objects: readonly K8sObject[], kind: string, name?: string): T {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (found.length !== 1) {
    throw new Error(`expected one ${kind}${name ? ` named ${name}` : ''}, found ${found.length}`);
  }
  return found[0] as T;
}
