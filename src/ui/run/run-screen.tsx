// The run screen: finished lines in <Static> (printed once, never redrawn), then a
// short live area. Props in, callbacks out; it never starts a process.
import { Box, Static, Text, useInput } from 'ink';
import { useSyncExternalStore } from 'react';
import { TextInput } from '../components/text-input/text-input.js';
import { LivePanel } from './live-panel.js';
import { ResultView } from './result-view.js';
import type { RunStore } from './run-store.js';
import { DoneLineView } from './step-lines.js';

export interface RunScreenProps {
  store: RunStore;
  /** Ctrl-C: Ink reads it as a key in raw mode, so the screen turns it into an interrupt. */
  onInterrupt: () => void;
}

export function RunScreen({ store, onInterrupt }: RunScreenProps) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      if (state.confirm) store.answer(false);
      else onInterrupt();
      return;
    }
    if (state.confirm && state.confirm.typed === undefined) {
      if (input === 'y' || input === 'Y') store.answer(true);
      else if (input === 'n' || input === 'N' || key.return || key.escape) store.answer(false);
    }
  });
  return (
    <Box flexDirection="column">
      <Static items={[{ id: -1, kind: 'title' as const }, ...state.done]}>
        {(line) =>
          line.kind === 'title' ? (
            <Text key="title" bold>
              {state.title}
            </Text>
          ) : (
            <DoneLineView key={line.id} line={line} />
          )
        }
      </Static>
      {state.result ? null : <LivePanel state={state} />}
      {state.confirm ? (
        <Box>
          <Text bold>{state.confirm.question} </Text>
          {state.confirm.typed !== undefined ? (
            <TextInput onSubmit={(v) => store.answer(v.trim() === state.confirm?.typed)} />
          ) : (
            <Text dimColor>[y/N]</Text>
          )}
        </Box>
      ) : null}
      {state.result ? <ResultView result={state.result} /> : null}
    </Box>
  );
}
