// Asking before changing a release: y/N, or typing the namespace for production. In
// the Ink screen the sink asks; otherwise a line prompt (never while Ink reads stdin).
import type { CliContext } from '../context.js';
import type { EventSink } from './output.js';

export interface ConfirmQuestion {
  question: string;
  /** When set, the answer must be exactly this text (production). */
  typed?: string;
}

export async function askConfirm(ctx: CliContext, sink: EventSink | undefined, q: ConfirmQuestion): Promise<boolean> {
  if (sink?.confirm) return sink.confirm(q);
  const { confirm, input } = await import('@inquirer/prompts');
  const context = { input: ctx.stdin, output: ctx.stdout, signal: ctx.signal };
  try {
    if (q.typed !== undefined) {
      const typed = q.typed;
      return (await input({ message: q.question }, context)).trim() === typed;
    }
    return await confirm({ message: q.question, default: false }, context);
  } catch {
    // Ctrl-C / aborted prompt: a "no".
    return false;
  }
}
