import type { Draft } from '../app/draft.js';
import type { Question } from '../app/questions.js';
import type { Problem } from '../domain/validators.js';

/** What every question screen gets: props in, one callback out. */
export interface QuestionScreenProps {
  question: Question;
  /** Answers so far (screens show the group's earlier answers for context). */
  draft: Draft;
  error: Problem | null;
  onAnswer: (value: string) => void;
  /** First question shown: Esc has nowhere to go. */
  first?: boolean;
}
