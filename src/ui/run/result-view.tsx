// The closing block: the outcome in one sentence, the evidence, the last log lines, what to do.
import { Box, Text } from 'ink';
import type { RunEvent } from '../../rollout/events.js';
import { SYMBOL } from '../components/theme.js';

export function ResultView({ result }: { result: Extract<RunEvent, { type: 'result' }> }) {
  const ok = result.exitCode === 0;
  const stopped = result.outcome === 'interrupted';
  const v = result.cause?.verdict;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={ok ? 'green' : stopped ? 'yellow' : 'red'} bold>
        {ok ? SYMBOL.ok : stopped ? '■' : SYMBOL.error} {result.summary}
      </Text>
      {v ? (
        <Text>
          {`  evidence: ${v.object.kind.toLowerCase()} ${v.object.name}${v.container ? ` (container ${v.container})` : ''}, ${v.reason}${v.detail ? `: ${v.detail}` : ''}`}
        </Text>
      ) : null}
      {result.cause?.logs?.length ? (
        <Box flexDirection="column">
          <Text dimColor> last log lines:</Text>
          {result.cause.logs.slice(-10).map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: log lines repeat; their order is their identity
            <Text key={i} dimColor>{`    ${l}`}</Text>
          ))}
        </Box>
      ) : null}
      {result.cause?.hint && !ok ? <Text>{`  → ${result.cause.hint}`}</Text> : null}
    </Box>
  );
}
