import { Box } from 'ink';
import type { Problem } from '../../domain/validators.js';
import type { Draft } from '../wizard/draft.js';
import type { Question } from '../wizard/questions.js';
import { GroupSummary, type SummaryRows } from './group-summary.js';
import { QuestionView } from './question-view.js';

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

/**
 * One question, under the answers already given on this screen (`summary`). Groups
 * with a single question (environment, namespace, release, image, scaling, monitoring)
 * use it as it is.
 */
export function QuestionScreen({
  question,
  error,
  onAnswer,
  first = false,
  summary = [],
}: QuestionScreenProps & { summary?: SummaryRows }) {
  return (
    <Box flexDirection="column">
      <GroupSummary rows={summary} />
      <QuestionView question={question} error={error} onAnswer={onAnswer} first={first} />
    </Box>
  );
}
