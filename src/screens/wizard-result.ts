import type { Outcome } from '../app/wizard-state.js';
import type { TypedSecrets, WizardResult } from './wizard-contract.js';

/** Turns the reducer's outcome into the contract's result, pairing passwords with their Secrets. */
export function toResult(o: Outcome): WizardResult {
  if (o.kind !== 'completed') return o;
  const secrets: TypedSecrets = {};
  const { database, redis } = o.answers;
  if (o.passwords.database !== undefined && database.mode === 'external') {
    secrets.database = { secretName: database.secret, key: 'password', password: o.passwords.database };
  }
  if (o.passwords.redis !== undefined && redis.mode === 'external') {
    secrets.redis = { secretName: redis.secret, key: 'password', password: o.passwords.redis };
  }
  return { kind: 'completed', answers: o.answers, secrets };
}
