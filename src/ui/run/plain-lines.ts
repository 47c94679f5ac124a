// Plain lines for the same events the Ink screens show: no TTY, CI logs, screen
// readers. No colours, no cursor movement, one line per thing that happened.
import { type RunEvent, STEP_TITLES } from '../../rollout/events.js';

export interface PlainOptions {
  /** Show helm/kubectl output lines (--verbose). */
  verbose?: boolean;
}

export function createPlainRenderer(write: (line: string) => void, o: PlainOptions = {}): (e: RunEvent) => void {
  let lastPods = '';
  let lastEvents = new Set<string>();
  return (e) => {
    switch (e.type) {
      case 'step-start':
        write(`▸ ${e.title}…`);
        return;
      case 'step-done':
        write(`✔ ${STEP_TITLES[e.step]}${e.detail ? ` (${e.detail})` : ''}`);
        return;
      case 'step-skipped':
        write(`- ${STEP_TITLES[e.step]}: skipped, ${e.reason}`);
        return;
      case 'step-failed':
        write(`✖ ${STEP_TITLES[e.step]}: ${e.cause.message}`);
        return;
      case 'log':
        if (o.verbose || e.step === 'test' || e.step === 'rollback' || e.step === 'uninstall') write(`  │ ${e.line}`);
        return;
      case 'check': {
        const mark = e.level === 'ok' ? '✔' : e.level === 'warn' ? '⚠' : '✖';
        write(`  ${mark} ${e.message}${e.hint && e.level !== 'ok' ? ` — ${e.hint}` : ''}`);
        return;
      }
      case 'pods': {
        const line = podsLine(e);
        if (line && line !== lastPods) write(`  ${line}`);
        lastPods = line;
        return;
      }
      case 'cluster-events': {
        const fresh = e.events.map((x) => `${x.type === 'Warning' ? '⚠' : '·'} ${x.object} ${x.reason}: ${x.message}`);
        for (const line of fresh) if (!lastEvents.has(line)) write(`  ${line}`);
        lastEvents = new Set(fresh);
        return;
      }
      case 'verdict':
        write(
          `✖ ${e.verdict.reason} in ${e.verdict.object.kind.toLowerCase()} ${e.verdict.object.name}: stopping helm and rolling back…`,
        );
        return;
      case 'diff':
        for (const l of e.lines) write(l.op === '@' ? l.text : `${l.op} ${l.text}`);
        write(`  ${e.added} line(s) added, ${e.removed} removed`);
        return;
      case 'forward':
        write(forwardLine(e.state));
        return;
      case 'url':
        // The forwarding line already shows it; the event is for --json consumers.
        return;
      case 'release':
        write(`  release ${e.release} in ${e.namespace}: revision ${e.revision}, ${e.status}`);
        return;
      case 'result':
        for (const line of resultLines(e)) write(line);
        return;
    }
  };
}

function podsLine(e: Extract<RunEvent, { type: 'pods' }>): string {
  const workloads = e.workloads.map((w) => `${w.name} ${w.ready}/${w.desired}`).join(', ');
  const problems = e.problems
    .map((p) => `${p.pod} ${p.reason}${p.restarts ? ` (${p.restarts} restarts)` : ''}`)
    .join(', ');
  if (!workloads && !problems) return '';
  return `pods ready: ${workloads || 'none yet'}${problems ? ` — ${problems}` : ''}`;
}

export function forwardLine(s: Extract<RunEvent, { type: 'forward' }>['state']): string {
  switch (s.phase) {
    case 'connecting':
      return `◌ port-forward: connecting${s.attempt > 1 ? ` (attempt ${s.attempt})` : ''}`;
    case 'probing':
      return `◌ port-forward: checking /health on 127.0.0.1:${s.localPort}`;
    case 'forwarding':
      return `● forwarding ${s.url}${s.note ? ` (${s.note})` : ''}`;
    case 'reconnecting':
      return `◌ reconnecting (${s.attempt}) in ${Math.round(s.delayMs / 1000)}s: ${s.reason}`;
    case 'stopped':
      return `■ port-forward stopped; restart it with: ${s.restart}`;
    case 'failed':
      return `✖ port-forward: ${s.reason}`;
  }
}

function resultLines(e: Extract<RunEvent, { type: 'result' }>): string[] {
  const mark = e.exitCode === 0 ? '✔' : e.outcome === 'interrupted' ? '■' : '✖';
  const lines = [`${mark} ${e.summary}`];
  const v = e.cause?.verdict;
  if (v) {
    lines.push(
      `  evidence: ${v.object.kind.toLowerCase()} ${v.object.name}${v.container ? ` (container ${v.container})` : ''}, reason ${v.reason}${v.detail ? `: ${v.detail}` : ''}`,
    );
  }
  if (e.cause?.logs?.length) {
    lines.push('  last log lines:');
    for (const l of e.cause.logs) lines.push(`    ${l}`);
  }
  if (e.cause?.hint && e.exitCode !== 0) lines.push(`  hint: ${e.cause.hint}`);
  return lines;
}
