// The answers in a few plain lines, shown above the values file on Review so the whole
// configuration reads at a glance before the details.
import type { Answers } from '../../domain/answers.js';

export function answersSummary(a: Answers): Array<[label: string, value: string]> {
  const db =
    a.database.mode === 'subchart'
      ? 'in-cluster PostgreSQL'
      : a.database.mode === 'none'
        ? 'none'
        : `external ${a.database.user}@${a.database.host}:${a.database.port}/${a.database.name} (password from Secret ${a.database.secret})`;
  const redis =
    a.redis.mode === 'subchart'
      ? 'in-cluster Redis'
      : a.redis.mode === 'none'
        ? 'none'
        : `external ${a.redis.host}:${a.redis.port}${a.redis.secret ? ` (password from Secret ${a.redis.secret})` : ' (no password)'}`;
  const ingress = a.ingress.enabled ? ingressLine(a.ingress) : 'none (reach the app with port-forward)';
  const scaling =
    a.scaling.mode === 'fixed'
      ? `${a.scaling.replicas} replica${a.scaling.replicas === 1 ? '' : 's'}`
      : `autoscale ${a.scaling.min}–${a.scaling.max}`;
  const storage = a.storage.enabled
    ? `${a.storage.size} volume${a.storage.storageClass ? ` (${a.storage.storageClass})` : ''}`
    : 'none';
  return [
    ['where', `${a.environment} · namespace ${a.namespace} · release ${a.release}`],
    ['image', `${a.image.repository}:${a.image.tag}`],
    ['database', db],
    ['redis', redis],
    ['ingress', ingress],
    ['scaling', scaling],
    ['model volume', storage],
    ['monitoring', a.monitoring ? 'ServiceMonitor for Prometheus' : 'off'],
  ];
}

function ingressLine(i: Extract<Answers['ingress'], { enabled: true }>): string {
  const scheme = i.tls.mode === 'none' ? 'http' : 'https';
  const tls =
    i.tls.mode === 'cert-manager'
      ? `certificate from ${i.tls.clusterIssuer}`
      : i.tls.mode === 'secret'
        ? `certificate in Secret ${i.tls.secretName}`
        : 'no TLS';
  return `${scheme}://${i.host} via ${i.className}, ${tls}`;
}
