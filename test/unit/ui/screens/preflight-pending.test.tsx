// The wizard draws before helm, kubectl and the cluster have answered: the Preflight
// screen shows "checking…", fills the facts in when they arrive, and nothing is decided
// on facts that are still coming.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { factsAfterFailure } from '../../../../src/ui/screens/facts-source.js';
import { WizardView } from '../../../../src/ui/screens/wizard-view.js';
import type { PreflightFacts } from '../../../../src/ui/wizard/contract.js';
import { preflightAllows, preflightChoices } from '../../../../src/ui/wizard/preflight.js';
import { initWizard } from '../../../../src/ui/wizard/wizard-state.js';
import { plain, press, tick, waitForText } from '../../../helpers/frames.js';
import { KEY } from '../../../helpers/keys.js';
import { fakeReviewText, PROD_CONTEXT, REACHABLE_DEV, UNREACHABLE } from '../../../helpers/wizard-fixtures.js';

afterEach(cleanup);

function deferred() {
  let resolve: (f: PreflightFacts) => void = () => {};
  let reject: (e: unknown) => void = () => {};
  const promise = new Promise<PreflightFacts>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function mountPending(purpose: 'install' | 'render') {
  const facts = deferred();
  const onDone = vi.fn();
  const r = render(
    <WizardView
      initialState={initWizard({ canTypeSecrets: purpose === 'install' })}
      facts={facts.promise}
      purpose={purpose}
      reviewText={fakeReviewText}
      onDone={onDone}
    />,
  );
  await tick();
  return { ...r, facts, onDone };
}

describe('preflight while the probes are still answering', () => {
  test('the first frame shows each fact as checking, then the facts once they arrive', async () => {
    const { lastFrame, facts } = await mountPending('install');
    const first = plain(lastFrame());
    expect(first).toContain('Before we start');
    for (const label of ['kube context', 'cluster', 'helm', 'kubectl']) {
      expect(first).toMatch(new RegExp(`${label}\\s+\\S checking…`));
    }
    expect(first).not.toContain('reachable');
    facts.resolve(REACHABLE_DEV);
    const frame = await waitForText(lastFrame, '✔ reachable (Kubernetes v1.35.4)');
    expect(frame).toContain('kind-dev');
    expect(frame).toContain('v3.17.3');
    expect(frame).not.toContain('checking…');
    expect(frame).toContain('❯ Continue');
  });

  test('install: no choice is offered and Enter does nothing until the cluster is known', async () => {
    const { stdin, lastFrame, facts, onDone } = await mountPending('install');
    const first = plain(lastFrame());
    expect(first).not.toContain('Continue');
    expect(first).not.toContain('Render only');
    expect(first).toContain('depends on whether the cluster answers');
    await press(stdin, KEY.enter, KEY.down, KEY.enter);
    expect(plain(lastFrame())).toContain('Before we start');
    expect(onDone).not.toHaveBeenCalled();

    facts.resolve(UNREACHABLE);
    const frame = await waitForText(lastFrame, 'not reachable: connection refused');
    expect(frame).toContain('❯ Render only');
    expect(frame).toContain('No cluster answers');
    await press(stdin, KEY.enter);
    await waitForText(lastFrame, 'Which environment is this?');
  });

  test('render only, chosen once the facts say no cluster answers, ends as render-only', async () => {
    const { stdin, lastFrame, facts, onDone } = await mountPending('install');
    facts.resolve(UNREACHABLE);
    await waitForText(lastFrame, '❯ Render only');
    await press(stdin, KEY.enter);
    await waitForText(lastFrame, 'Which environment is this?');
    // Enter takes each default to Review; a render-only run never asks for a password.
    for (let i = 0; i < 30 && !plain(lastFrame()).includes('Write the values file and'); i++) {
      await press(stdin, KEY.enter);
      await tick(30);
    }
    await waitForText(lastFrame, 'Write the values file and render manifests');
    await press(stdin, KEY.enter);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ kind: 'render-only' })));
  });

  test('the production banner appears when a production-looking context arrives', async () => {
    const { lastFrame, facts } = await mountPending('install');
    expect(plain(lastFrame())).not.toContain('PRODUCTION');
    facts.resolve(PROD_CONTEXT);
    const frame = await waitForText(lastFrame, 'PRODUCTION cluster: context gke-prod-eu-1');
    expect(frame).toContain('affect real users');
  });

  test('render: Continue is offered at once; a production context arriving later still gets its banner', async () => {
    const { stdin, lastFrame, facts } = await mountPending('render');
    expect(plain(lastFrame())).toContain('❯ Continue');
    await press(stdin, KEY.enter);
    await waitForText(lastFrame, 'Which environment is this?');
    expect(plain(lastFrame())).not.toContain('PRODUCTION');
    facts.resolve(PROD_CONTEXT);
    const frame = await waitForText(lastFrame, 'PRODUCTION cluster: context gke-prod-eu-1');
    expect(frame).toContain('Which environment is this?');
  });

  test('probes that fail count as no cluster: the reason is shown and render only comes first', async () => {
    const { lastFrame, facts } = await mountPending('install');
    facts.reject(new Error('boom'));
    const frame = await waitForText(lastFrame, 'not reachable: the checks failed: boom');
    expect(frame).toContain('❯ Render only');
  });

  test('Ctrl-C leaves while the probes are still answering', async () => {
    const { stdin, onDone } = await mountPending('install');
    await press(stdin, KEY.ctrlC);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith({ kind: 'cancelled' }));
  });
});

describe('which preflight choices the known facts allow', () => {
  test('install waits for the facts; render does not need them', () => {
    expect(preflightChoices(undefined, 'install')).toBeNull();
    for (const c of ['continue', 'render-only', 'quit'] as const) {
      expect(preflightAllows(undefined, 'install', c)).toBe(false);
    }
    expect(preflightChoices(undefined, 'render')?.map((c) => c.value)).toEqual(['continue', 'quit']);
    expect(preflightAllows(undefined, 'render', 'continue')).toBe(true);
  });

  test('render only exists only when no cluster answers', () => {
    expect(preflightAllows(UNREACHABLE, 'install', 'render-only')).toBe(true);
    expect(preflightChoices(UNREACHABLE, 'install')?.[0]?.value).toBe('render-only');
    expect(preflightAllows(REACHABLE_DEV, 'install', 'render-only')).toBe(false);
    expect(preflightAllows(REACHABLE_DEV, 'install', 'continue')).toBe(true);
    expect(preflightAllows(factsAfterFailure(new Error('x')), 'install', 'render-only')).toBe(true);
  });
});
