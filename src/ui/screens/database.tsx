import { QuestionScreen, type QuestionScreenProps } from './question-screen.js';

/** Database: in-cluster / external / none, then the external connection one question at a time. */
export function DatabaseScreen(props: QuestionScreenProps) {
  const d = props.draft;
  const rows =
    props.question.step === 'database'
      ? []
      : ([
          ['host', d['db-host']],
          ['port', d['db-port']],
          ['database', d['db-name']],
          ['user', d['db-user']],
        ] as const);
  return <QuestionScreen {...props} summary={rows} />;
}
