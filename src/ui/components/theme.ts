// Colours in one place. Meaning never rests on colour alone (symbols and words carry
// it too), so NO_COLOR loses nothing.
import type { Environment } from '../../domain/answers.js';

export const ENV_COLOR: Record<Environment, 'green' | 'yellow' | 'red'> = {
  dev: 'green',
  staging: 'yellow',
  prod: 'red',
};

export const SYMBOL = { error: '✖', ok: '✔', warn: '⚠', pointer: '❯', info: 'ℹ' } as const;
