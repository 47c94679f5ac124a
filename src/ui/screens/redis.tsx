import { QuestionScreen, type QuestionScreenProps } from './question-screen.js';

/** Redis: in-cluster / external / none, then the external connection. */
export function RedisScreen(props: QuestionScreenProps) {
  const d = props.draft;
  const rows =
    props.question.step === 'redis'
      ? []
      : ([
          ['host', d['redis-host']],
          ['port', d['redis-port']],
        ] as const);
  return <QuestionScreen {...props} summary={rows} />;
}
