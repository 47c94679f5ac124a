// The live part of the run screen: the running step, pods ready/desired, the newest
// events, a failing pod's reason and last log lines, the port-forward status line.

import { Box, Text } from 'ink';
import { Spinner } from '../components/spinner.js';
import { SYMBOL } from '../components/theme.js';
import { forwardLine } from './plain-lines.js';
import type { RunState } from './run-state.js';

export function LivePanel({ state }: { state: RunState }) {
  const { workloads, problems, events, verdict, forward } = state;
  const running = state.running;
  // Pods and events matter while helm applies and waits; afterwards they are noise.
  const rolling = running !== undefined && ['apply', 'hooks', 'rollout'].includes(running.step);
  return (
    <Box flexDirection="column">
      {running ? (
        <Spinner label={`${running.title}…${state.lastLog ? `  ${state.lastLog.slice(0, 80)}` : ''}`} />
      ) : null}
      {rolling && workloads.length > 0 ? (
        <Text>
          {'  pods ready: '}
          {workloads.map((w, i) => (
            <Text key={w.name} color={w.ready >= w.desired ? 'green' : 'yellow'}>
              {i ? ', ' : ''}
              {w.name} {w.ready}/{w.desired}
            </Text>
          ))}
        </Text>
      ) : null}
      {rolling
        ? problems.slice(0, 3).map((p) => (
            <Text key={`${p.pod}/${p.container ?? ''}`} color="yellow">
              {`  ${SYMBOL.warn} ${p.pod}: ${p.reason}${p.restarts ? ` (${p.restarts} restarts)` : ''}`}
            </Text>
          ))
        : null}
      {rolling
        ? events.slice(0, 3).map((e) => (
            <Text key={`${e.object}/${e.reason}/${e.message}`} dimColor>
              {`  ${e.type === 'Warning' ? SYMBOL.warn : '·'} ${e.object} ${e.reason}: ${e.message}`.slice(0, 160)}
            </Text>
          ))
        : null}
      {verdict && !state.result ? (
        <Text color="red">{`${SYMBOL.error} ${verdict.summary} — rolling back…`}</Text>
      ) : null}
      {forward ? <Text>{forwardLine(forward)}</Text> : null}
    </Box>
  );
}
