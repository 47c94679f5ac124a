import { useEffect, useState } from 'react';
import type { Answers } from '../../domain/answers.js';
import type { ReviewBody } from './review.js';

export type ReviewSources = {
  reviewText: (answers: Answers) => string | Promise<string>;
};

/** Builds the Review text whenever Review is shown for a new set of answers. */
export function useReviewBody(answers: Answers | null, sources: ReviewSources): ReviewBody {
  const [body, setBody] = useState<ReviewBody>({ status: 'loading' });
  const key = answers ? JSON.stringify(answers) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the answers' content, not identity
  useEffect(() => {
    if (!answers) return;
    let live = true;
    setBody({ status: 'loading' });
    (async () => {
      try {
        const values = await sources.reviewText(answers);
        if (live) setBody({ status: 'ready', values });
      } catch (e) {
        const err = e as Error & { hint?: unknown };
        const hint = typeof err.hint === 'string' ? err.hint : 'press Esc to go back and change the answer it names';
        if (live) setBody({ status: 'failed', problem: { message: err.message ?? String(e), hint } });
      }
    })();
    return () => {
      live = false;
    };
  }, [key]);
  return body;
}
