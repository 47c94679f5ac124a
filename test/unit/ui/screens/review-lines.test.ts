import { expect, test } from 'vitest';
import { clampOffset, reviewLines, windowHeight } from '../../../../src/ui/screens/review-lines.js';

test('comments are dimmed, everything else is plain', () => {
  const lines = reviewLines('# head\nreplicaCount: 1\n  # nested\n');
  expect(lines.map((l) => l.tone)).toEqual(['comment', 'plain', 'comment']);
});

test('the window fits the terminal and the offset stays inside the text', () => {
  expect(windowHeight(undefined, 16)).toBe(Number.POSITIVE_INFINITY);
  expect(windowHeight(40, 16)).toBe(24);
  expect(windowHeight(10, 16)).toBe(5);
  expect(clampOffset(100, 80, 24)).toBe(56);
  expect(clampOffset(-3, 80, 24)).toBe(0);
  expect(clampOffset(10, 20, 24)).toBe(0);
});
