// The probes' gate: they start once a front-end is up, or after a bounded wait.
import { expect, test } from 'vitest';
import { afterFirstFrame, markFirstFrame } from '../../../../src/ui/screens/first-frame.js';

// One gate per process: the tests run in order, before and after it opens.
test('before the first frame: waits, but never longer than the bound', async () => {
  let done = false;
  const started = Date.now();
  const waiting = afterFirstFrame(80).then(() => {
    done = true;
  });
  await new Promise((r) => setTimeout(r, 20));
  expect(done).toBe(false);
  await waiting;
  expect(Date.now() - started).toBeGreaterThanOrEqual(70);
});

test('the first frame lets waiting probes go at once, and later ones never wait', async () => {
  const started = Date.now();
  const waiting = afterFirstFrame(10_000);
  markFirstFrame();
  await waiting;
  await afterFirstFrame(10_000);
  expect(Date.now() - started).toBeLessThan(1000);
});
