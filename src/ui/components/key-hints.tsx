import { Box, Text } from 'ink';

export type HintKind = 'waiting' | 'select' | 'text' | 'text-required' | 'password' | 'review-select' | 'review-text';

const HINTS: Record<HintKind, string[]> = {
  waiting: ['Ctrl-C quit'],
  select: ['↑/↓ move', 'Enter choose', 'Esc back', 'Ctrl-C quit'],
  text: ['Enter accept (empty = default)', 'Esc back', 'Ctrl-C quit'],
  'text-required': ['Enter accept', 'Esc back', 'Ctrl-C quit'],
  password: ['Enter accept', 'Esc back', 'Ctrl-C quit'],
  'review-select': ['PgUp/PgDn scroll', '↑/↓ move', 'Enter choose', 'Esc back', 'Ctrl-C quit'],
  'review-text': ['PgUp/PgDn scroll', 'Enter confirm', 'Esc back', 'Ctrl-C quit'],
};

/** The one line at the bottom saying which keys do what here. */
export function KeyHints({ kind, first = false }: { kind: HintKind; first?: boolean }) {
  const hints = first ? HINTS[kind].filter((h) => h !== 'Esc back') : HINTS[kind];
  return (
    <Box marginTop={1}>
      <Text dimColor>{hints.join(' · ')}</Text>
    </Box>
  );
}
