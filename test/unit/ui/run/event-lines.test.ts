import { describe, expect, it } from 'vitest';
import { type RunEvent, stepStart } from '../../../../src/rollout/events.js';
import { createNdjsonRenderer } from '../../../../src/ui/run/ndjson-lines.js';
import { createPlainRenderer } from '../../../../src/ui/run/plain-lines.js';

const run: RunEvent[] = [
  stepStart('preflight'),
  { type: 'check', id: 'cluster', level: 'ok', message: 'cluster kind-dev answers' },
  {
    type: 'check',
    id: 'metrics-api',
    level: 'warn',
    message: 'the metrics API not found',
    hint: 'install metrics-server',
  },
  { type: 'step-done', step: 'preflight', detail: '1 warning(s)' },
  stepStart('rollout'),
  { type: 'log', step: 'rollout', line: 'Release "fa" has been upgraded.' },
  { type: 'pods', workloads: [{ kind: 'Deployment', name: 'fa', ready: 1, desired: 2 }], problems: [] },
  { type: 'pods', workloads: [{ kind: 'Deployment', name: 'fa', ready: 1, desired: 2 }], problems: [] },
  {
    type: 'forward',
    state: {
      phase: 'forwarding',
      localPort: 8081,
      url: 'http://127.0.0.1:8081',
      note: 'port 8080 is busy, using 8081',
    },
  },
  {
    type: 'result',
    outcome: 'rolled-back',
    exitCode: 3,
    summary: 'rolled back',
    cause: { message: 'm', hint: 'h', logs: ['boom'] },
  },
];

describe('plain renderer', () => {
  it('one line per change, no colour, logs only with --verbose, repeated pods lines once', () => {
    const lines: string[] = [];
    const render = createPlainRenderer((l) => lines.push(l));
    for (const e of run) render(e);
    expect(lines).toEqual([
      '▸ Preflight checks…',
      '  ✔ cluster kind-dev answers',
      '  ⚠ the metrics API not found — install metrics-server',
      '✔ Preflight checks (1 warning(s))',
      '▸ Rollout…',
      '  pods ready: fa 1/2',
      '● forwarding http://127.0.0.1:8081 (port 8080 is busy, using 8081)',
      '✖ rolled back',
      '  last log lines:',
      '    boom',
      '  hint: h',
    ]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting there is no ANSI
    expect(lines.join('\n')).not.toMatch(/\u001b\[/);
  });
  it('--verbose adds helm output', () => {
    const lines: string[] = [];
    const render = createPlainRenderer((l) => lines.push(l), { verbose: true });
    for (const e of run) render(e);
    expect(lines).toContain('  │ Release "fa" has been upgraded.');
  });
});

describe('NDJSON renderer', () => {
  it('one JSON object per event, with a time', () => {
    const lines: string[] = [];
    const render = createNdjsonRenderer((l) => lines.push(l));
    for (const e of run) render(e);
    expect(lines).toHaveLength(run.length);
    const last = JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
    expect(last).toMatchObject({ type: 'result', exitCode: 3, outcome: 'rolled-back' });
    expect(typeof last.time).toBe('string');
  });
});
