// Ingress: on/off, hostname, class, and where the TLS certificate comes from.
import type { TlsMode } from '../../../domain/answers.js';
import { checkHostname } from '../../../domain/validators.js';
import {
  boolDefault,
  checked,
  choice,
  defaultOf,
  envOf,
  type QuestionDef,
  type QuestionStep,
  resourceName,
  select,
  text,
  yesNo,
} from './types.js';

export const INGRESS_QUESTIONS: Partial<Record<QuestionStep, QuestionDef>> = {
  ingress: {
    ask: (step, d, c) =>
      select(
        step,
        'Expose the app with an Ingress?',
        'An Ingress gives the app a public hostname; without one you reach it by port-forward.',
        yesNo('route a hostname to the app through an ingress controller', 'reach it with port-forward only'),
        boolDefault(defaultOf('ingress', d, c)),
      ),
    parse: choice('ingress', (v) => v === 'yes'),
  },
  host: {
    ask: (step, d, c) =>
      text(step, 'Hostname', 'The DNS name users type in the browser, e.g. app.example.com.', defaultOf('host', d, c)),
    parse: (input) => checked(checkHostname(input), { host: input }),
  },
  'ingress-class': {
    ask: (step, d, c) =>
      text(
        step,
        'Ingress class',
        'Which ingress controller serves it (kubectl get ingressclass).',
        defaultOf('ingress-class', d, c),
      ),
    parse: resourceName('ingress-class', 'ingress class name'),
  },
  tls: {
    // Production only offers HTTPS; the choice check then refuses "none" as well.
    ask: (step, d, c) =>
      select(
        step,
        'HTTPS (TLS)',
        envOf(d) === 'prod' ? 'Production always serves HTTPS.' : 'Where the HTTPS certificate comes from.',
        [
          { value: 'cert-manager', label: 'cert-manager', description: 'a certificate is issued and renewed for you' },
          {
            value: 'secret',
            label: 'Existing TLS Secret',
            description: 'you already have the certificate in a Secret',
          },
          ...(envOf(d) === 'prod' ? [] : [{ value: 'none', label: 'No TLS', description: 'plain HTTP only' }]),
        ],
        defaultOf('tls', d, c),
      ),
    parse: choice('tls', (v) => v as TlsMode),
  },
  'cluster-issuer': {
    ask: (step, d, c) =>
      text(
        step,
        'ClusterIssuer',
        'The cert-manager ClusterIssuer that signs the certificate.',
        defaultOf('cluster-issuer', d, c),
      ),
    parse: resourceName('cluster-issuer', 'ClusterIssuer name'),
  },
  'tls-secret': {
    ask: (step, d, c) =>
      text(
        step,
        'TLS Secret name',
        d.tls === 'secret'
          ? 'The existing Secret holding tls.crt and tls.key.'
          : 'cert-manager stores the certificate in this Secret.',
        defaultOf('tls-secret', d, c),
      ),
    parse: resourceName('tls-secret', 'Secret name'),
  },
};
