// Entry point of the Ink wizard for the CLI. The contract (types, what each field
// means, what the CLI does with each result) is in ./wizard-contract.ts.
import { render } from 'ink';
import { applyNoColor } from '../components/no-color.js';
import type { KnownAnswers, WizardContext, WizardResult } from '../wizard/contract.js';
import { WizardNeedsTerminalError } from '../wizard/contract.js';
import type { Outcome } from '../wizard/wizard-state.js';
import { markFirstFrame } from './first-frame.js';
import { startState, toResult } from './wizard-result.js';
import { WizardView } from './wizard-view.js';

export type {
  KnownAnswers,
  PreflightFacts,
  TypedSecret,
  TypedSecrets,
  WizardContext,
  WizardResult,
} from '../wizard/contract.js';
export { WizardNeedsTerminalError } from '../wizard/contract.js';

/**
 * Mounts the Ink wizard and resolves once the user confirms Review, picks "render
 * only", or quits (Ctrl-C, Quit, or `ctx.signal`). The tree is unmounted before the
 * promise resolves, so the caller may print or prompt right away.
 * Throws WizardNeedsTerminalError when stdin is not a TTY (raw mode impossible).
 */
export function runInkWizard(initial: KnownAnswers, ctx: WizardContext): Promise<WizardResult> {
  return runInkWizardWith(initial, ctx, {});
}

/** Ink options tests need: `debug` writes every frame whole, so it can be read back (even with CI set). */
export interface InkTestOptions {
  debug?: boolean;
}

/** runInkWizard with test-only Ink options; the CLI calls runInkWizard. */
export async function runInkWizardWith(
  initial: KnownAnswers,
  ctx: WizardContext,
  inkOptions: InkTestOptions,
): Promise<WizardResult> {
  const stdin = ctx.stdin ?? process.stdin;
  const stdout = ctx.stdout ?? process.stdout;
  const stderr = ctx.stderr ?? process.stderr;
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') throw new WizardNeedsTerminalError();
  if (ctx.signal?.aborted) return { kind: 'cancelled' };
  applyNoColor(ctx.env ?? process.env);
  const purpose = ctx.purpose ?? 'install';
  const initialState = startState(initial, ctx);

  let outcome: Outcome = { kind: 'cancelled' };
  const instance = render(
    <WizardView
      initialState={initialState}
      facts={ctx.preflight}
      purpose={purpose}
      reviewText={ctx.reviewText}
      valuesPath={ctx.valuesPath}
      onDone={(o) => {
        outcome = o;
        instance.unmount();
      }}
    />,
    { stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: false, ...inkOptions },
  );
  // render() wrote the first frame before returning: the probes may have the CPU now.
  markFirstFrame();
  const onAbort = () => instance.unmount();
  ctx.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await instance.waitUntilExit();
  } finally {
    ctx.signal?.removeEventListener('abort', onAbort);
  }
  return toResult(outcome);
}
