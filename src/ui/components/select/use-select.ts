import { useInput, useStdin } from 'ink';
import { useEffect, useReducer } from 'react';
import { initSelect, type SelectState, selectReducer } from './select-state.js';

/** Binds arrow keys, Home/End, digits (1-9 jump) and Enter to the select reducer. */
export function useSelect(
  count: number,
  defaultIndex: number,
  onSubmit: (index: number) => void,
  isActive: boolean,
): SelectState {
  const [state, dispatch] = useReducer(selectReducer, initSelect(count, defaultIndex));
  // Listening needs raw mode; without it (stdin not a TTY) the list only renders.
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      if (key.upArrow) dispatch({ type: 'up' });
      else if (key.downArrow || key.tab) dispatch({ type: 'down' });
      else if (key.home) dispatch({ type: 'first' });
      else if (key.end) dispatch({ type: 'last' });
      else if (key.return) dispatch({ type: 'submit' });
      else if (/^[1-9]$/.test(input)) dispatch({ type: 'jump', index: Number(input) - 1 });
    },
    { isActive: isActive && isRawModeSupported },
  );
  const { submitted } = state;
  // biome-ignore lint/correctness/useExhaustiveDependencies: fires once per Enter (seq), not when the callback identity changes
  useEffect(() => {
    if (submitted) onSubmit(submitted.index);
  }, [submitted?.seq]);
  return state;
}
