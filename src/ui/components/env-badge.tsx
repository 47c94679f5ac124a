import { Text } from 'ink';
import type { Environment } from '../../domain/answers.js';
import { ENV_COLOR } from './theme.js';

/** ` prod ` in the environment's colour; the brackets keep it readable without colour. */
export function EnvBadge({ env }: { env: Environment }) {
  return (
    <Text backgroundColor={ENV_COLOR[env]} color="black" bold>
      [{env}]
    </Text>
  );
}
