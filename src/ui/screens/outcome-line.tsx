import { Text } from 'ink';
import { SYMBOL } from '../components/theme.js';
import type { Outcome } from '../wizard/wizard-state.js';

/** The wizard's last frame stays on screen: say how it ended, in words. */
export function OutcomeLine({ outcome }: { outcome: Outcome }) {
  switch (outcome.kind) {
    case 'cancelled':
      return <Text color="yellow">{SYMBOL.error} Cancelled — nothing was written.</Text>;
    case 'render-only':
      return <Text color="green">{SYMBOL.ok} Answers complete: rendering only, no cluster is touched.</Text>;
    case 'completed':
      return <Text color="green">{SYMBOL.ok} Answers complete.</Text>;
  }
}
