import { Box } from 'ink';
import { QuestionView } from '../components/question-view.js';
import { GroupSummary } from './group-summary.js';
import type { QuestionScreenProps } from './question-screen.js';

/** Model storage: a persistent volume on/off, its size and storage class. */
export function StorageScreen({ question, draft: d, error, onAnswer, first = false }: QuestionScreenProps) {
  const rows = question.step === 'storage-class' ? ([['size', d['storage-size']]] as const) : [];
  return (
    <Box flexDirection="column">
      <GroupSummary rows={rows} />
      <QuestionView question={question} error={error} onAnswer={onAnswer} first={first} />
    </Box>
  );
}
