import type { Outcome } from '../app/wizard-state.js';
import { typedSecrets, type WizardResult } from './wizard-contract.js';

/** Turns the reducer's outcome into the contract's result, pairing passwords with their Secrets. */
export function toResult(o: Outcome): WizardResult {
  if (o.kind !== 'completed') return o;
  return { kind: 'completed', answers: o.answers, secrets: typedSecrets(o.answers, o.passwords) };
}
