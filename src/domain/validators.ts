// Validators for every answer. Each returns null when the input is fine, or a
// problem with a hint saying what a good value looks like — the same text is shown
// inline by the screens and listed by the headless CLI.

export interface Problem {
  message: string;
  hint: string;
}

export type Check = Problem | null;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function problem(message: string, hint: string): Problem {
  return { message, hint };
}

/** Kubernetes namespace: a DNS-1123 label (≤ 63 chars). */
export function checkNamespace(value: string): Check {
  if (value.length === 0 || value.length > 63 || !DNS1123_LABEL.test(value)) {
    return problem(
      value.length === 0 ? 'namespace is empty' : `"${value}" is not a valid namespace (DNS-1123 label)`,
      'a namespace is at most 63 characters of lowercase letters a-z, digits 0-9 and "-", starting and ending with a letter or digit, e.g. dev-flask-app',
    );
  }
  return null;
}

/** Helm release name: DNS-1123 label, at most 53 characters (helm's own limit). */
export function checkRelease(value: string): Check {
  if (value.length === 0 || value.length > 53 || !DNS1123_LABEL.test(value)) {
    return problem(
      `"${value}" is not a valid release name`,
      'a release name is at most 53 characters of lowercase letters a-z, digits 0-9 and "-", starting and ending with a letter or digit, e.g. flask-app',
    );
  }
  return null;
}

/** Kubernetes object name (Secret, StorageClass, IngressClass…): DNS-1123 subdomain. */
export function checkResourceName(value: string, what: string): Check {
  const labels = value.split('.');
  if (value.length === 0 || value.length > 253 || !labels.every((l) => DNS1123_LABEL.test(l))) {
    return problem(
      `"${value}" is not a valid ${what}`,
      `a ${what} is lowercase letters a-z, digits 0-9, "-" and ".", starting and ending with a letter or digit`,
    );
  }
  return null;
}

/** DNS hostname for ingress, optionally a leading wildcard label (`*.example.com`). */
export function checkHostname(value: string): Check {
  const bad = problem(
    `"${value}" is not a valid hostname`,
    'use a DNS name like app.example.com (lowercase letters, digits, "-" and "."; no scheme, port or path)',
  );
  if (value.length === 0 || value.length > 253) return bad;
  const labels = value.split('.');
  if (labels.length < 2) return bad;
  for (const [i, label] of labels.entries()) {
    if (i === 0 && label === '*') continue;
    if (label.length > 63 || !DNS1123_LABEL.test(label)) return bad;
  }
  return null;
}

/** A database/redis host: hostname (single label allowed, e.g. a Service name) or IPv4. */
export function checkServiceHost(value: string): Check {
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (ipv4) {
    return ipv4.slice(1).every((n) => Number(n) <= 255)
      ? null
      : problem(`"${value}" is not a valid IPv4 address`, 'each part of an IPv4 address is 0-255');
  }
  const labels = value.split('.');
  if (value.length === 0 || value.length > 253 || !labels.every((l) => l.length <= 63 && DNS1123_LABEL.test(l))) {
    return problem(
      `"${value}" is not a valid host`,
      'use a DNS name (e.g. db.example.internal or a Service name like postgres.db) or an IPv4 address; no scheme or port',
    );
  }
  return null;
}

// PostgreSQL identifiers as people type them unquoted.
const PG_NAME = /^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/;

/** A PostgreSQL database or user name (`what` names which, e.g. "database user"). */
export function checkPgName(value: string, what: string): Check {
  if (!PG_NAME.test(value)) {
    return problem(
      `"${value}" is not a valid ${what}`,
      'use letters, digits and "_" (up to 63 characters, not starting with a digit), e.g. flask_app',
    );
  }
  return null;
}

export interface ImageRef {
  repository: string;
  tag: string;
}

// registry[:port]/path…[:tag] — tag is optional here; the caller supplies a default.
const IMAGE_PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const IMAGE_TAG = /^[\w][\w.-]{0,127}$/;

/** Parses `REPO[:TAG]` (digests are not taken: pin a tag). */
export function parseImage(value: string, defaultTag: string): ImageRef | Problem {
  const bad = problem(
    `"${value}" is not a valid image reference`,
    'use REPOSITORY[:TAG] in lowercase, e.g. ghcr.io/acme/flask-app:1.4.2 or flask-app:dev',
  );
  if (value.length === 0 || value.includes('@') || /\s/.test(value)) return bad;
  const lastSlash = value.lastIndexOf('/');
  const lastColon = value.lastIndexOf(':');
  let repository = value;
  let tag = defaultTag;
  if (lastColon > lastSlash) {
    repository = value.slice(0, lastColon);
    tag = value.slice(lastColon + 1);
  }
  if (!IMAGE_TAG.test(tag)) return bad;
  const parts = repository.split('/');
  const first = parts[0] ?? '';
  // The first component is a registry host when it looks like one (dot, port or localhost).
  const isRegistry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const pathParts = isRegistry ? parts.slice(1) : parts;
  if (isRegistry && !/^[a-zA-Z0-9.-]+(:\d+)?$/.test(first)) return bad;
  if (pathParts.length === 0 || !pathParts.every((p) => IMAGE_PATH_COMPONENT.test(p))) return bad;
  return { repository, tag };
}

export function parsePort(value: unknown): number | Problem {
  const n = toInteger(value);
  if (n === null || n < 1 || n > 65535) {
    return problem(`"${String(value)}" is not a valid port`, 'a port is a whole number from 1 to 65535, e.g. 5432');
  }
  return n;
}

export function parseReplicas(value: unknown): number | Problem {
  const n = toInteger(value);
  if (n === null || n < 1 || n > 1000) {
    return problem(`"${String(value)}" is not a valid replica count`, 'replicas is a whole number from 1 to 1000');
  }
  return n;
}

/** `MIN:MAX` for the HorizontalPodAutoscaler, e.g. `3:20`. */
export function parseAutoscale(value: unknown): { min: number; max: number } | Problem {
  const bad = (why: string) =>
    problem(
      `"${String(value)}" is not a valid autoscale range${why}`,
      'use MIN:MAX with 1 ≤ MIN ≤ MAX ≤ 1000, e.g. 3:20',
    );
  const m = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(String(value));
  if (!m) return bad('');
  const min = Number(m[1]);
  const max = Number(m[2]);
  if (min < 1 || max > 1000) return bad('');
  if (min > max) return bad(` (MIN ${min} is greater than MAX ${max})`);
  return { min, max };
}

// Binary-suffix quantities only: a PVC size in "G" (10^9) is a common mistake for "Gi".
const SIZE = /^([1-9]\d*)(Ki|Mi|Gi|Ti|Pi)$/;

/** Kubernetes storage quantity, e.g. `10Gi`. */
export function checkSize(value: string): Check {
  if (!SIZE.test(value)) {
    return problem(
      `"${value}" is not a valid storage size`,
      'use a whole number with Mi, Gi or Ti, e.g. 10Gi or 500Mi',
    );
  }
  return null;
}

function toInteger(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return null;
}

/** Narrows the result of a `parse*` function. */
export function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && 'message' in x && 'hint' in x;
}
