// Editing a single line, as a pure reducer. Our own instead of @inkjs/ui's TextInput:
// that one submits from the key handler's closure, so text typed (or pasted) right
// before Enter can be missing from what is submitted. Here Enter is an action like any
// other, applied in order, and the submitted value is read from the state.

export interface TextInputState {
  value: string;
  /** Cursor position, 0..value.length. */
  cursor: number;
  submitted: { value: string; seq: number } | null;
}

export type TextInputAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'submit' };

export function initTextInput(value = ''): TextInputState {
  return { value, cursor: value.length, submitted: null };
}

export function textInputReducer(s: TextInputState, a: TextInputAction): TextInputState {
  switch (a.type) {
    case 'insert': {
      // Pasted text may carry line breaks or control bytes; a one-line answer keeps neither.
      const text = [...a.text].filter((ch) => ch >= ' ' && ch !== '\u007F').join('');
      if (text === '') return s;
      return {
        ...s,
        value: s.value.slice(0, s.cursor) + text + s.value.slice(s.cursor),
        cursor: s.cursor + text.length,
      };
    }
    case 'backspace':
      if (s.cursor === 0) return s;
      return { ...s, value: s.value.slice(0, s.cursor - 1) + s.value.slice(s.cursor), cursor: s.cursor - 1 };
    case 'delete':
      if (s.cursor >= s.value.length) return s;
      return { ...s, value: s.value.slice(0, s.cursor) + s.value.slice(s.cursor + 1) };
    case 'left':
      return { ...s, cursor: Math.max(0, s.cursor - 1) };
    case 'right':
      return { ...s, cursor: Math.min(s.value.length, s.cursor + 1) };
    case 'home':
      return { ...s, cursor: 0 };
    case 'end':
      return { ...s, cursor: s.value.length };
    case 'submit':
      return { ...s, submitted: { value: s.value, seq: (s.submitted?.seq ?? 0) + 1 } };
  }
}
