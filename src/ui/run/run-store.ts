// A tiny external store between the pipeline (pushes events) and the Ink view
// (subscribes), plus the pending confirmation's answer callback.
import { initialRunState, type RunAction, type RunState, runReducer } from './run-state.js';

export interface RunStore {
  getState(): RunState;
  subscribe(listener: () => void): () => void;
  dispatch(action: RunAction): void;
  /** Opens a question in the screen; resolves with the answer. */
  ask(q: { question: string; typed?: string }): Promise<boolean>;
  answer(ok: boolean): void;
}

export function createRunStore(title: string): RunStore {
  let state = initialRunState(title);
  const listeners = new Set<() => void>();
  let pending: ((ok: boolean) => void) | undefined;
  const dispatch = (action: RunAction) => {
    state = runReducer(state, action);
    for (const l of listeners) l();
  };
  return {
    getState: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    dispatch,
    ask: (q) =>
      new Promise<boolean>((resolve) => {
        pending = resolve;
        dispatch({ type: 'confirm-open', question: q.question, ...(q.typed !== undefined ? { typed: q.typed } : {}) });
      }),
    answer: (ok) => {
      const resolve = pending;
      pending = undefined;
      dispatch({ type: 'confirm-close' });
      resolve?.(ok);
    },
  };
}
