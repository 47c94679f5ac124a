import { QuestionScreen, type QuestionScreenProps } from './question-screen.js';

/** Ingress: on/off, hostname, class, TLS source (production offers no plain-HTTP choice). */
export function IngressScreen(props: QuestionScreenProps) {
  const { question, draft: d } = props;
  const rows =
    question.step === 'ingress'
      ? []
      : ([
          ['host', d.host],
          ['class', d['ingress-class']],
          ['TLS', question.step === 'cluster-issuer' || question.step === 'tls-secret' ? d.tls : undefined],
        ] as const);
  return <QuestionScreen {...props} summary={rows} />;
}
