import { Box, Text } from 'ink';
import type { Environment } from '../../domain/answers.js';
import { EnvBadge } from '../components/env-badge.js';
import { ProductionBanner, type ProductionBannerProps } from './production-banner.js';

export interface StepHeaderProps {
  title: string;
  /** 1-based position among the screens still shown; omitted on the preflight screen. */
  index?: number | undefined;
  total?: number | undefined;
  env?: Environment | undefined;
  banner?: ProductionBannerProps | null | undefined;
}

export function StepHeader({ title, index, total, env, banner }: StepHeaderProps) {
  return (
    <Box flexDirection="column" marginBottom={1}>
      {banner ? <ProductionBanner {...banner} /> : null}
      <Box gap={1}>
        <Text dimColor>flask-helm-wizard</Text>
        {index !== undefined && total !== undefined ? (
          <Text dimColor>
            · step {index} of {total}
          </Text>
        ) : null}
        <Text dimColor>·</Text>
        <Text bold>{title}</Text>
        {env ? <EnvBadge env={env} /> : null}
      </Box>
    </Box>
  );
}
