import { Box, Text } from 'ink';
import type { Problem } from '../../domain/validators.js';
import { SYMBOL } from './theme.js';

/** What was wrong and what to type instead, right under the input. */
export function InlineError({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color="red">
        {SYMBOL.error} {problem.message}
      </Text>
      <Text color="yellow"> {problem.hint}</Text>
    </Box>
  );
}
