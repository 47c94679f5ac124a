import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { initWizard } from '../../../../src/ui/wizard/wizard-state.js';
import { driveTo } from '../../../helpers/drive.js';
import { press, typeAndEnter, waitForText } from '../../../helpers/frames.js';
import { KEY } from '../../../helpers/keys.js';
import { mountWizard } from '../../../helpers/mount-wizard.js';
import { PROD_CONTEXT, UNREACHABLE } from '../../../helpers/wizard-fixtures.js';

afterEach(cleanup);

describe('preflight', () => {
  test('names the context, says it answers, shows tool versions; Enter continues', async () => {
    const { stdin, lastFrame } = await mountWizard(initWizard({ canTypeSecrets: true }));
    const frame = await waitForText(lastFrame, 'kube context');
    expect(frame).toContain('kind-dev');
    expect(frame).toContain('✔ reachable (Kubernetes v1.35.4)');
    expect(frame).toContain('v3.17.3');
    expect(frame).not.toContain('PRODUCTION');
    await press(stdin, KEY.enter);
    await waitForText(lastFrame, 'Which environment is this?');
  });

  test('no cluster: says so and offers render only first', async () => {
    const { stdin, lastFrame, onDone } = await mountWizard(initWizard({ canTypeSecrets: true }), {
      facts: UNREACHABLE,
    });
    const frame = await waitForText(lastFrame, 'not reachable: connection refused');
    expect(frame).toContain('❯ Render only');
    expect(frame).toContain('touch no cluster');
    await press(stdin, KEY.enter);
    await waitForText(lastFrame, 'Which environment is this?');
    expect(onDone).not.toHaveBeenCalled();
  });

  test('a production-looking context gets the red banner from the first screen', async () => {
    const { lastFrame } = await mountWizard(initWizard({ canTypeSecrets: true }), { facts: PROD_CONTEXT });
    const frame = await waitForText(lastFrame, 'PRODUCTION cluster: context gke-prod-eu-1');
    expect(frame).toContain('affect real users');
  });

  test('the prod environment gets the banner even on a harmless-looking context', async () => {
    const { lastFrame } = await mountWizard(driveTo('namespace', { environment: 'prod' }));
    const frame = await waitForText(lastFrame, 'PRODUCTION environment');
    expect(frame).toContain('[prod]');
    expect(frame).toContain('prod-flask-app');
  });

  test('Quit leaves with cancelled', async () => {
    const { stdin, lastFrame, onDone } = await mountWizard(initWizard({ canTypeSecrets: true }));
    await waitForText(lastFrame, 'kube context');
    await press(stdin, KEY.down, KEY.enter);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith({ kind: 'cancelled' }));
  });

  test('Ctrl-C leaves with cancelled from any screen', async () => {
    const { stdin, lastFrame, onDone } = await mountWizard(driveTo('image'));
    await waitForText(lastFrame, 'Container image');
    await press(stdin, 'acme/half-typ', KEY.ctrlC);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith({ kind: 'cancelled' }));
  });
});

describe('review', () => {
  const prodVia = {
    environment: 'prod',
    image: 'acme/app:1',
    'db-host': 'pg',
    'redis-host': 'r',
    host: 'a.example.com',
  };

  test('shows the values text exactly and confirms with Enter', async () => {
    const { stdin, lastFrame, onDone } = await mountWizard(driveTo('review'));
    const frame = await waitForText(lastFrame, '# values for flask-app in dev-flask-app');
    expect(frame).toContain('image: flask-app:dev');
    expect(frame).toContain('❯ Write the values file and install');
    await press(stdin, KEY.enter);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ kind: 'completed' })));
  });

  test('a values builder error is shown with its hint, and only going back is offered', async () => {
    const fail = () => {
      throw Object.assign(new Error('values.schema.json: image.tag must be string'), { hint: 'fix the image answer' });
    };
    const { stdin, lastFrame, onDone } = await mountWizard(driveTo('review'), { reviewText: fail });
    const frame = await waitForText(lastFrame, 'image.tag must be string');
    expect(frame).toContain('fix the image answer');
    await press(stdin, KEY.enter);
    expect(onDone).not.toHaveBeenCalled();
    await press(stdin, KEY.esc);
    await waitForText(lastFrame, 'Prometheus scrapes the app');
  });

  test('prod asks to type the namespace; a wrong word is refused with a hint', async () => {
    const { stdin, lastFrame, onDone } = await mountWizard(driveTo('review', prodVia));
    await waitForText(lastFrame, 'type the namespace prod-flask-app to install');
    await typeAndEnter(stdin, 'prod');
    await waitForText(lastFrame, 'does not match the namespace');
    expect(onDone).not.toHaveBeenCalled();
    for (const _ of 'prod') await press(stdin, KEY.backspace);
    await typeAndEnter(stdin, 'prod-flask-app');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ kind: 'completed' })));
  });

  test('render-only wording after choosing render only', async () => {
    const s = driveTo('review');
    const { lastFrame } = await mountWizard({ ...s, renderOnly: true });
    await waitForText(lastFrame, 'Write the values file and render manifests');
  });
});

describe('how it ended', () => {
  test('Ctrl-C leaves a last line saying nothing was written', async () => {
    const { stdin, lastFrame } = await mountWizard(driveTo('release'));
    await waitForText(lastFrame, 'Release name');
    await press(stdin, KEY.ctrlC);
    await waitForText(lastFrame, 'Cancelled — nothing was written.');
  });
});
