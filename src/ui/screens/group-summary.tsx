import { Box, Text } from 'ink';

export type SummaryRows = ReadonlyArray<readonly [string, string | number | undefined]>;

/** The answers already given on this screen (e.g. the database host while asking its port). */
export function GroupSummary({ rows }: { rows: SummaryRows }) {
  const shown = rows.filter((r): r is readonly [string, string | number] => r[1] !== undefined && r[1] !== '');
  if (shown.length === 0) return null;
  return (
    <Box flexDirection="column" marginBottom={1}>
      {shown.map(([label, value]) => (
        <Text key={label} dimColor>
          {label}: {String(value)}
        </Text>
      ))}
    </Box>
  );
}
