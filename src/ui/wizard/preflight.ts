// What the Preflight screen offers, from the facts known so far. Pure: both front-ends
// (Ink and --plain) and the guard against choices made on facts still coming use it.
import type { PreflightFacts } from './contract.js';
import type { Choice } from './questions.js';
import type { PreflightChoice } from './wizard-state.js';

/**
 * The choices after the facts: with no cluster, rendering offline comes first. null while
 * the facts are still coming and the choices depend on them (an install needs to know
 * whether the cluster answers); a render asks nothing of the cluster, so it can go on at once.
 */
export function preflightChoices(facts: PreflightFacts | undefined, purpose: 'install' | 'render'): Choice[] | null {
  const quit: Choice = { value: 'quit', label: 'Quit', description: 'leave without writing anything' };
  if (purpose === 'render') {
    return [
      { value: 'continue', label: 'Continue', description: 'answer the questions, then write values and manifests' },
      quit,
    ];
  }
  if (!facts) return null;
  if (!facts.reachable) {
    return [
      {
        value: 'render-only',
        label: 'Render only',
        description: 'write the values file and manifests to a folder; touch no cluster',
      },
      {
        value: 'continue',
        label: 'Continue anyway',
        description: 'plan an install; it runs only if the cluster answers',
      },
      quit,
    ];
  }
  return [
    { value: 'continue', label: 'Continue', description: 'answer the questions; nothing changes before Review' },
    quit,
  ];
}

/** Whether `choice` is one the facts known now allow (never one offered on facts still coming). */
export function preflightAllows(
  facts: PreflightFacts | undefined,
  purpose: 'install' | 'render',
  choice: PreflightChoice,
): boolean {
  return preflightChoices(facts, purpose)?.some((c) => c.value === choice) ?? false;
}
