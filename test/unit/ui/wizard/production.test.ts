import { expect, test } from 'vitest';
import { bannerReason, contextLooksLikeProduction } from '../../../../src/ui/wizard/production.js';

test.each([
  ['gke_acme_europe-west1_prod', true],
  ['prod', true],
  ['eks-production-eu', true],
  ['aks-prd-01', true],
  ['live-cluster', true],
  ['kind-dev', false],
  ['products-staging', false],
  ['deliveryman', false],
  [null, false],
])('context %s looks like production: %s', (context, expected) => {
  expect(contextLooksLikeProduction(context)).toBe(expected);
});

test('the banner names why it shows', () => {
  expect(bannerReason(true, 'prod')).toBe('both');
  expect(bannerReason(true, 'dev')).toBe('context');
  expect(bannerReason(false, 'prod')).toBe('environment');
  expect(bannerReason(false, undefined)).toBeNull();
});
