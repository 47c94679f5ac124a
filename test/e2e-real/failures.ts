// The five real failures of the real-node suite (failures.json, shared with
// bench/real-node-rollback.sh), with their patterns as regular expressions.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface FailureCase {
  kind: string;
  /** Wizard arguments after `upgrade -e dev -n <ns> --yes`. */
  args: string[];
  /** What the wizard must name: the reason Kubernetes gave. */
  reason: RegExp;
  /** The real cause, from the pod's status or its last log lines. */
  cause: RegExp;
  /** Must not be in the values deployed after the rollback. */
  badValue: string;
}

interface Raw {
  failures: (Omit<FailureCase, 'reason' | 'cause'> & { reason: string; cause: string })[];
}

/** A pattern from the JSON file; a leading (?i) makes it case-insensitive. */
function pattern(source: string): RegExp {
  return source.startsWith('(?i)') ? new RegExp(source.slice(4), 'i') : new RegExp(source);
}

const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, 'failures.json'), 'utf8')) as Raw;
export const FAILURES: FailureCase[] = raw.failures.map((f) => ({
  ...f,
  reason: pattern(f.reason),
  cause: pattern(f.cause),
}));
export const SECRETS = readFileSync(path.join(import.meta.dirname, 'failure-secrets.yaml'), 'utf8');
