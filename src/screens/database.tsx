import { Box } from 'ink';
import { QuestionView } from '../components/question-view.js';
import { GroupSummary } from './group-summary.js';
import type { QuestionScreenProps } from './question-screen.js';

/** Database: in-cluster / external / none, then the external connection one question at a time. */
export function DatabaseScreen({ question, draft: d, error, onAnswer, first = false }: QuestionScreenProps) {
  const rows =
    question.step === 'database'
      ? []
      : ([
          ['host', d['db-host']],
          ['port', d['db-port']],
          ['database', d['db-name']],
          ['user', d['db-user']],
        ] as const);
  return (
    <Box flexDirection="column">
      <GroupSummary rows={rows} />
      <QuestionView question={question} error={error} onAnswer={onAnswer} first={first} />
    </Box>
  );
}
