// Secrets the answers name but the chart never creates: they must exist in the
// namespace before an install (or be created from a typed / stdin password).
import type { Answers } from './answers.js';

export interface NamedSecret {
  kind: 'database' | 'redis' | 'tls';
  name: string;
}

export function secretsNamed(a: Answers): NamedSecret[] {
  const out: NamedSecret[] = [];
  if (a.database.mode === 'external') out.push({ kind: 'database', name: a.database.secret });
  if (a.redis.mode === 'external' && a.redis.secret) out.push({ kind: 'redis', name: a.redis.secret });
  if (a.ingress.enabled && a.ingress.tls.mode === 'secret') out.push({ kind: 'tls', name: a.ingress.tls.secretName });
  return out;
}
