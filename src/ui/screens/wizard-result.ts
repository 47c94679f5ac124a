// The contract's terms (src/ui/wizard/contract.ts) ↔ the reducer's, for both front-ends.

import { type KnownAnswers, typedSecrets, type WizardContext, type WizardResult } from '../wizard/contract.js';
import { initWizard, type Outcome, type WizardState } from '../wizard/wizard-state.js';

/** The reducer's first state for what the CLI already knows. */
export function startState(initial: KnownAnswers, ctx: WizardContext): WizardState {
  return initWizard({
    initial,
    knownKeys: ctx.knownKeys ?? {},
    remembered: ctx.remembered ?? {},
    canTypeSecrets: (ctx.purpose ?? 'install') === 'install',
  });
}

/** Turns the reducer's outcome into the contract's result, pairing passwords with their Secrets. */
export function toResult(o: Outcome): WizardResult {
  if (o.kind !== 'completed') return o;
  return { kind: 'completed', answers: o.answers, secrets: typedSecrets(o.answers, o.passwords) };
}
