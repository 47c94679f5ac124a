// The preflight facts as React state: known at once when given as a value, otherwise
// `undefined` ("checking…") until the probes' promise settles.
import { useEffect, useState } from 'react';
import type { PreflightFacts } from '../wizard/contract.js';
import { type FactsSource, isPromise, settleFacts } from './facts-source.js';

export function useFacts(source: FactsSource): PreflightFacts | undefined {
  // Keyed by the source, so a new promise is never shown with an older one's facts.
  const [settled, setSettled] = useState<{ from: FactsSource; facts: PreflightFacts } | undefined>(undefined);
  useEffect(() => {
    if (!isPromise(source)) return;
    let live = true;
    void settleFacts(source).then((facts) => {
      if (live) setSettled({ from: source, facts });
    });
    return () => {
      live = false;
    };
  }, [source]);
  if (!isPromise(source)) return source;
  return settled?.from === source ? settled.facts : undefined;
}
