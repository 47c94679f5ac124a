// Entry point of the Ink wizard for the CLI. See ./wizard-contract.ts for the contract.
// (First commit: interface only; the implementation follows in the next commits.)
import type { KnownAnswers, WizardContext, WizardResult } from './wizard-contract.js';

export type {
  KnownAnswers,
  PreflightFacts,
  TypedSecret,
  TypedSecrets,
  WizardContext,
  WizardResult,
} from './wizard-contract.js';
export { WizardNeedsTerminalError } from './wizard-contract.js';

/** Mounts the Ink wizard, resolves once the user confirms Review, picks "render only" or quits. */
export async function runInkWizard(_initial: KnownAnswers, _ctx: WizardContext): Promise<WizardResult> {
  throw new Error('runInkWizard: being built (terminal-UI helper)');
}
