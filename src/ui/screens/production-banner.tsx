import { Box, Text } from 'ink';
import { SYMBOL } from '../components/theme.js';
import type { BannerReason } from '../wizard/production.js';

export interface ProductionBannerProps {
  context: string | null;
  /** Why it is shown: the context looks like production and/or the prod environment was chosen. */
  reason: BannerReason;
}

/** The red line that says which production cluster is about to be touched. */
export function ProductionBanner({ context, reason }: ProductionBannerProps) {
  const what =
    reason === 'environment'
      ? 'PRODUCTION environment'
      : `PRODUCTION cluster: context ${context ?? '(none)'}${reason === 'both' ? ', prod environment' : ''}`;
  return (
    <Box borderStyle="round" borderColor="red" paddingX={1}>
      <Text color="red" bold>
        {SYMBOL.warn} {what} — changes here affect real users
      </Text>
    </Box>
  );
}
