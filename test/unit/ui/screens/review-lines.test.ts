import { expect, test } from 'vitest';
import { clampOffset, reviewLines, windowHeight } from '../../../../src/ui/screens/review-lines.js';

test('comments are dimmed, diff lines get their tone, the diff gets a heading', () => {
  const lines = reviewLines('# head\nreplicaCount: 1\n', '@@ -1 +1 @@\n-replicaCount: 1\n+replicaCount: 3\n');
  expect(lines.map((l) => l.tone)).toEqual(['comment', 'plain', 'plain', 'heading', 'hunk', 'removed', 'added']);
});

test('an existing release with nothing to change says so', () => {
  expect(reviewLines('a: 1', '').at(-1)?.text).toBe('Changes against the installed release: none');
});

test('no diff (new release) adds nothing', () => {
  expect(reviewLines('a: 1\nb: 2', null)).toHaveLength(2);
});

test('the window fits the terminal and the offset stays inside the text', () => {
  expect(windowHeight(undefined, 16)).toBe(Number.POSITIVE_INFINITY);
  expect(windowHeight(40, 16)).toBe(24);
  expect(windowHeight(10, 16)).toBe(5);
  expect(clampOffset(100, 80, 24)).toBe(56);
  expect(clampOffset(-3, 80, 24)).toBe(0);
  expect(clampOffset(10, 20, 24)).toBe(0);
});

test('per-object headers of a manifest diff read as headings of their hunk', () => {
  const diff = '── apps/v1/Deployment/web (changed)\n   replicas: 2\n- image: a:1\n+ image: a:2';
  expect(
    reviewLines('a: 1', diff)
      .slice(3)
      .map((l) => l.tone),
  ).toEqual(['hunk', 'plain', 'removed', 'added']);
});
