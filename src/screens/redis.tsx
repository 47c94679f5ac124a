import { Box } from 'ink';
import { QuestionView } from '../components/question-view.js';
import { GroupSummary } from './group-summary.js';
import type { QuestionScreenProps } from './question-screen.js';

/** Redis: in-cluster / external / none, then the external connection. */
export function RedisScreen({ question, draft: d, error, onAnswer, first = false }: QuestionScreenProps) {
  const rows =
    question.step === 'redis'
      ? []
      : ([
          ['host', d['redis-host']],
          ['port', d['redis-port']],
        ] as const);
  return (
    <Box flexDirection="column">
      <GroupSummary rows={rows} />
      <QuestionView question={question} error={error} onAnswer={onAnswer} first={first} />
    </Box>
  );
}
