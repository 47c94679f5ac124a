import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import type { Answers } from '../../src/domain/answers.js';
import { WizardView } from '../../src/ui/screens/wizard-view.js';
import type { PreflightFacts } from '../../src/ui/wizard/contract.js';
import type { WizardState } from '../../src/ui/wizard/wizard-state.js';
import { tick } from './frames.js';
import { fakeReviewText, REACHABLE_DEV } from './wizard-fixtures.js';

export interface MountOptions {
  facts?: PreflightFacts;
  purpose?: 'install' | 'render';
  reviewText?: (a: Answers) => string | Promise<string>;
}

/** Renders the wizard view starting at `state` (see driveTo) with test facts. */
export async function mountWizard(state: WizardState, o: MountOptions = {}) {
  const onDone = vi.fn();
  const r = render(
    <WizardView
      initialState={state}
      facts={o.facts ?? REACHABLE_DEV}
      purpose={o.purpose ?? 'install'}
      reviewText={o.reviewText ?? fakeReviewText}
      onDone={onDone}
    />,
  );
  await tick();
  return { ...r, onDone };
}
