import { expect, test } from 'vitest';
import { initSelect, selectReducer } from '../../../../src/ui/components/select/select-state.js';

test('focus starts on the default and wraps around', () => {
  const s = initSelect(3, 2);
  expect(s.focus).toBe(2);
  expect(selectReducer(s, { type: 'down' }).focus).toBe(0);
  expect(selectReducer(initSelect(3, 0), { type: 'up' }).focus).toBe(2);
});

test('an unknown default starts on the first choice; jumps outside the list are ignored', () => {
  expect(initSelect(3, -1).focus).toBe(0);
  const s = initSelect(3, 1);
  expect(selectReducer(s, { type: 'jump', index: 7 })).toBe(s);
  expect(selectReducer(s, { type: 'last' }).focus).toBe(2);
  expect(selectReducer(s, { type: 'first' }).focus).toBe(0);
});

test('Enter submits the focus as it is after the keys before it, once per press', () => {
  let s = initSelect(3, 0);
  s = selectReducer(s, { type: 'down' });
  s = selectReducer(s, { type: 'down' });
  s = selectReducer(s, { type: 'submit' });
  expect(s.submitted).toEqual({ index: 2, seq: 1 });
  expect(selectReducer(s, { type: 'submit' }).submitted).toEqual({ index: 2, seq: 2 });
});
