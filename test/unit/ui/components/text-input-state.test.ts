import { expect, test } from 'vitest';
import {
  initTextInput,
  type TextInputAction,
  textInputReducer,
} from '../../../../src/ui/components/text-input/text-input-state.js';

const run = (...actions: TextInputAction[]) => actions.reduce(textInputReducer, initTextInput());

test('typing, moving and deleting edit at the cursor', () => {
  const s = run(
    { type: 'insert', text: 'flsk' },
    { type: 'left' },
    { type: 'left' },
    { type: 'insert', text: 'a' },
    { type: 'end' },
    { type: 'backspace' },
    { type: 'home' },
    { type: 'delete' },
  );
  expect(s.value).toBe('las');
  expect(s.cursor).toBe(0);
});

test('Enter right after pasted text submits all of it, once per press', () => {
  const s = run({ type: 'insert', text: 'prod-flask-app' }, { type: 'submit' });
  expect(s.submitted).toEqual({ value: 'prod-flask-app', seq: 1 });
  expect(textInputReducer(s, { type: 'submit' }).submitted?.seq).toBe(2);
});

test('pasted line breaks and control bytes are dropped', () => {
  expect(run({ type: 'insert', text: 'a\r\nb\u0007' }).value).toBe('ab');
});

test('the cursor never leaves the text', () => {
  const s = run(
    { type: 'left' },
    { type: 'backspace' },
    { type: 'insert', text: 'x' },
    { type: 'right' },
    { type: 'delete' },
  );
  expect(s).toMatchObject({ value: 'x', cursor: 1 });
});
