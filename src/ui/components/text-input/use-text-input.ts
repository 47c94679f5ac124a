import { useInput, useStdin } from 'ink';
import { useEffect, useReducer } from 'react';
import { initTextInput, type TextInputState, textInputReducer } from './text-input-state.js';

/** Binds editing keys to the reducer; calls onSubmit once per Enter with the value at that point. */
export function useTextInput(onSubmit: (value: string) => void, isActive: boolean): TextInputState {
  const [state, dispatch] = useReducer(textInputReducer, undefined, () => initTextInput());
  // Listening needs raw mode; without it (stdin not a TTY) the input only renders.
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      if (key.return) dispatch({ type: 'submit' });
      // Terminals send DEL (0x7f) for the Backspace key and Ink reports it as `delete`,
      // so both erase to the left, as people expect.
      else if (key.backspace || key.delete) dispatch({ type: 'backspace' });
      else if (key.leftArrow) dispatch({ type: 'left' });
      else if (key.rightArrow) dispatch({ type: 'right' });
      else if (key.home || (key.ctrl && input === 'a')) dispatch({ type: 'home' });
      else if (key.end || (key.ctrl && input === 'e')) dispatch({ type: 'end' });
      else if (key.ctrl || key.meta || key.escape || key.upArrow || key.downArrow || key.tab) return;
      else dispatch({ type: 'insert', text: input });
    },
    { isActive: isActive && isRawModeSupported },
  );
  const { submitted } = state;
  // biome-ignore lint/correctness/useExhaustiveDependencies: fires once per Enter (seq), not when the callback identity changes
  useEffect(() => {
    if (submitted) onSubmit(submitted.value);
  }, [submitted?.seq]);
  return state;
}
