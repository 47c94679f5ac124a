import { Box } from 'ink';
import { QuestionView } from '../components/question-view.js';
import { GroupSummary } from './group-summary.js';
import type { QuestionScreenProps } from './question-screen.js';

/** Ingress: on/off, hostname, class, TLS source (production offers no plain-HTTP choice). */
export function IngressScreen({ question, draft: d, error, onAnswer, first = false }: QuestionScreenProps) {
  const rows =
    question.step === 'ingress'
      ? []
      : ([
          ['host', d.host],
          ['class', d['ingress-class']],
          ['TLS', question.step === 'cluster-issuer' || question.step === 'tls-secret' ? d.tls : undefined],
        ] as const);
  return (
    <Box flexDirection="column">
      <GroupSummary rows={rows} />
      <QuestionView question={question} error={error} onAnswer={onAnswer} first={first} />
    </Box>
  );
}
