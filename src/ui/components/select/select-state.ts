// Focus movement for the wizard's Select, as a pure reducer. Our own instead of
// @inkjs/ui's Select because that one starts on the first option and ignores Enter on
// an unchanged default; here focus starts on the default and Enter always answers.

export interface SelectState {
  focus: number;
  count: number;
  /**
   * Bumped by each Enter, with the focus at that moment. Submitting through the reducer
   * (not from the key handler's closure) keeps Enter in order with arrow keys that
   * arrived just before it and are not rendered yet.
   */
  submitted: { index: number; seq: number } | null;
}

export type SelectAction =
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'jump'; index: number }
  | { type: 'submit' };

export function initSelect(count: number, defaultIndex: number): SelectState {
  return { count, focus: defaultIndex >= 0 && defaultIndex < count ? defaultIndex : 0, submitted: null };
}

export function selectReducer(s: SelectState, a: SelectAction): SelectState {
  if (s.count === 0) return s;
  switch (a.type) {
    case 'up':
      return { ...s, focus: (s.focus - 1 + s.count) % s.count };
    case 'down':
      return { ...s, focus: (s.focus + 1) % s.count };
    case 'first':
      return { ...s, focus: 0 };
    case 'last':
      return { ...s, focus: s.count - 1 };
    case 'submit':
      return { ...s, submitted: { index: s.focus, seq: (s.submitted?.seq ?? 0) + 1 } };
    case 'jump':
      return a.index >= 0 && a.index < s.count ? { ...s, focus: a.index } : s;
  }
}
