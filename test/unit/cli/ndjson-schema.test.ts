// One NDJSON vocabulary for every command: each line every subcommand prints with --json
// must be one of the event types README.md lists ("NDJSON events"), with exactly the
// fields listed there. Runs the built CLI without a cluster (KUBECONFIG points nowhere),
// so the release commands end in their preflight / reachability failures; the events of
// a real rollout (pods, diff, url, …) are the same types, checked by the same schemas.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonEvent } from '../../../src/ui/run/ndjson-lines.js';
import { BIN, ensureBuilt, HELM4, runCli, tempDir } from './helpers.js';

type Schema = Record<string, unknown>;
const str = { type: 'string' };
const int = { type: 'integer' };
const strings = { type: 'array', items: str };
const obj = { type: 'object' };
const STEPS = [
  'preflight',
  'image',
  'secrets',
  'render',
  'diff',
  'hooks',
  'apply',
  'rollout',
  'test',
  'port-forward',
  'rollback',
  'uninstall',
  'status',
];
const step = { enum: STEPS };
const cause = {
  type: 'object',
  required: ['message'],
  additionalProperties: false,
  properties: { message: str, hint: str, verdict: obj, logs: strings },
};
const problem = {
  type: 'object',
  required: ['message', 'hint'],
  additionalProperties: false,
  properties: { message: str, hint: str },
};

/** Fields of each event type besides `type` and `time`: [required, optional]. */
function event(required: Record<string, unknown>, optional: Record<string, unknown> = {}): Schema {
  return {
    type: 'object',
    required: ['type', 'time', ...Object.keys(required)],
    additionalProperties: false,
    properties: { type: str, time: { type: 'string', format: 'date-time' }, ...required, ...optional },
  };
}

// A Record over every type of the union: a new event type without a schema does not compile.
const SCHEMAS: Record<JsonEvent['type'], Schema[]> = {
  'step-start': [event({ step, title: str })],
  'step-done': [event({ step }, { detail: str })],
  'step-skipped': [event({ step, reason: str })],
  'step-failed': [event({ step, cause })],
  log: [event({ step, line: str })],
  check: [
    event({ id: str, level: { enum: ['ok', 'warn', 'error'] }, message: str }, { hint: str }),
    event({ name: { enum: ['lint', 'template'] }, ok: { type: 'boolean' }, output: str }),
  ],
  pods: [event({ workloads: { type: 'array', items: obj }, problems: { type: 'array', items: obj } })],
  'cluster-events': [event({ events: { type: 'array', items: obj } })],
  verdict: [event({ verdict: obj })],
  diff: [event({ lines: { type: 'array', items: obj }, added: int, removed: int })],
  forward: [
    event({
      state: {
        type: 'object',
        required: ['phase'],
        properties: { phase: { enum: ['connecting', 'probing', 'forwarding', 'reconnecting', 'stopped', 'failed'] } },
      },
    }),
  ],
  url: [event({ url: str })],
  release: [event({ release: str, namespace: str, revision: int, status: str })],
  result: [
    event(
      {
        outcome: { enum: ['deployed', 'rolled-back', 'uninstalled', 'failed', 'interrupted', 'unchanged', 'ok'] },
        exitCode: { enum: [0, 1, 2, 3, 130] },
        summary: str,
      },
      { cause },
    ),
  ],
  notice: [event({ message: str })],
  warning: [event({ message: str }, { hint: str })],
  error: [
    event({ exitCode: { enum: [1, 2, 130] }, problems: { type: 'array', items: problem } }, { missing: strings }),
  ],
  'values-written': [event({ path: str, backup: { type: ['string', 'null'] } })],
  'manifests-written': [event({ path: str, files: strings })],
  'throwaway-secrets': [event({ files: strings })],
  'secret-needed': [event({ message: str })],
  'install-command': [event({ command: str })],
};

const ajv = new Ajv({ allErrors: true, formats: { 'date-time': (s: string) => !Number.isNaN(Date.parse(s)) } });
const validators = new Map<string, ValidateFunction[]>(
  Object.entries(SCHEMAS).map(([type, list]) => [type, list.map((s) => ajv.compile(s))]),
);

/** Every line is JSON, of a listed type, matching one of that type's schemas. */
function problemsIn(stdout: string): string[] {
  const out: string[] = [];
  for (const line of stdout.split('\n').filter(Boolean)) {
    let e: { type?: unknown };
    try {
      e = JSON.parse(line);
    } catch {
      out.push(`not JSON: ${line}`);
      continue;
    }
    const checks = validators.get(String(e.type));
    if (!checks) out.push(`unlisted event type ${String(e.type)}: ${line}`);
    else if (!checks.some((v) => v(e)))
      out.push(`${String(e.type)} does not match: ${line}\n${ajv.errorsText(checks[0]?.errors)}`);
  }
  return out;
}

const typesIn = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { type: string }).type);

let cwd: string;
let env: Record<string, string>;
beforeAll(async () => {
  ensureBuilt();
  cwd = await tempDir();
  env = { KUBECONFIG: join(cwd, 'no-kubeconfig'), CI: 'true' };
});
afterAll(() => rm(cwd, { recursive: true, force: true }));

describe('--json speaks one documented vocabulary in every subcommand', () => {
  // In this order: render writes the values file the later commands read.
  // [name, argv, exit code, the event that ends the output]
  const commands: Array<[string, string[], number, string]> = [
    ['render', ['render', '-e', 'dev', '--yes'], 0, 'install-command'],
    ['test-chart', ['test-chart', '-e', 'dev'], 0, 'check'],
    ['install', ['install', '-e', 'dev', '--yes'], 1, 'result'],
    ['upgrade', ['upgrade', '-e', 'dev', '--yes'], 1, 'result'],
    ['status', ['status', '-e', 'dev'], 1, 'result'],
    ['rollback', ['rollback', '-e', 'dev', '--yes'], 1, 'result'],
    ['uninstall', ['uninstall', '-e', 'dev', '--yes'], 1, 'result'],
    ['missing answers', ['install', '-n', 'x'], 2, 'error'],
    ['bad flag', ['render', '--bogus'], 2, 'error'],
  ];
  it.each(commands)('%s', async (_name, args, code, last) => {
    const r = await runCli([...args, '--json'], { cwd, env });
    expect(r.code).toBe(code);
    expect(problemsIn(r.stdout)).toEqual([]);
    expect(typesIn(r.stdout).at(-1)).toBe(last);
  });

  it('the check itself refuses an unlisted type, a missing field and an extra one', () => {
    const time = new Date().toISOString();
    const lines = [
      { type: 'progress', time },
      { type: 'url', time },
      { type: 'url', url: 'http://127.0.0.1:8080', time, extra: 1 },
      { type: 'url', url: 'http://127.0.0.1:8080', time },
    ].map((e) => JSON.stringify(e));
    const found = problemsIn([...lines, 'not json'].join('\n'));
    expect(found).toHaveLength(4);
    expect(found[0]).toMatch(/^unlisted event type progress/);
    expect(found[3]).toMatch(/^not JSON/);
  });

  it('port-forward (interrupted while it waits for a pod)', async () => {
    const child = spawn(process.execPath, [BIN, 'port-forward', '-e', 'dev', '--json'], {
      cwd,
      env: { ...process.env, FHW_HELM: HELM4, NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let interrupted = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      // Once, like a user pressing Ctrl-C: a second one after the run ended would hit
      // Node's default handler instead of ours.
      if (!interrupted && stdout.includes('"reconnecting"')) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(problemsIn(stdout)).toEqual([]);
    expect(typesIn(stdout)).toContain('forward');
  });
});
