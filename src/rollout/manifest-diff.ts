// The upgrade preview: what changes between the deployed manifest and the new render,
// object by object, with Secret values redacted on both sides. Pure; a small LCS line
// diff of our own (no plugin, no extra package).
import { parseAllDocuments, stringify } from 'yaml';

/** One line of the preview: kept, added, removed, or an object's header. */
export type DiffLine = { op: ' ' | '+' | '-'; text: string } | { op: '@'; text: string };

interface K8sObject {
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  data?: Record<string, unknown>;
  stringData?: Record<string, unknown>;
}

/** Secret values become a marker that still shows *whether* a value changed, never what it is. */
export function redactSecret(o: K8sObject): K8sObject {
  if (o.kind !== 'Secret') return o;
  const mask = (m: Record<string, unknown> | undefined) =>
    m ? Object.fromEntries(Object.keys(m).map((k) => [k, `(redacted, ${hashLen(String(m[k]))})`])) : undefined;
  const data = mask(o.data);
  const stringData = mask(o.stringData);
  return { ...o, ...(data ? { data } : {}), ...(stringData ? { stringData } : {}) };
}

/** A short fingerprint so a changed secret shows as changed, without revealing it. */
function hashLen(v: string): string {
  let h = 0;
  for (let i = 0; i < v.length; i++) h = (h * 31 + v.charCodeAt(i)) | 0;
  return `#${(h >>> 0).toString(16).slice(0, 6)}`;
}

export function parseManifest(text: string): Map<string, string> {
  const objects = new Map<string, string>();
  for (const doc of parseAllDocuments(text)) {
    if ('errors' in doc && doc.errors.length) continue;
    const o = doc.toJS() as K8sObject | null;
    if (!o || typeof o !== 'object' || !o.kind) continue;
    const key = `${o.kind}/${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name ?? '?'}`;
    objects.set(key, stringify(redactSecret(o), { lineWidth: 0 }));
  }
  return objects;
}

export interface ManifestDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
}

export function diffManifests(current: string, next: string, context = 3): ManifestDiff {
  const a = parseManifest(current);
  const b = parseManifest(next);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const lines: DiffLine[] = [];
  let added = 0;
  let removed = 0;
  for (const key of keys) {
    const before = a.get(key);
    const after = b.get(key);
    if (before === after) continue;
    const what = before === undefined ? 'new' : after === undefined ? 'removed' : 'changed';
    lines.push({ op: '@', text: `── ${key} (${what})` });
    const hunk = lineDiff(
      (before ?? '').split('\n').filter(Boolean),
      (after ?? '').split('\n').filter(Boolean),
      context,
    );
    for (const l of hunk) {
      if (l.op === '+') added++;
      if (l.op === '-') removed++;
      lines.push(l);
    }
  }
  return { lines, added, removed };
}

/** Line diff by longest common subsequence, keeping `context` unchanged lines around changes. */
export function lineDiff(a: readonly string[], b: readonly string[], context = 3): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const all: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      all.push({ op: ' ', text: a[i] as string });
      i++;
      j++;
    } else if (i < n && (j >= m || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      // Removals before additions, as in a unified diff.
      all.push({ op: '-', text: a[i] as string });
      i++;
    } else {
      all.push({ op: '+', text: b[j] as string });
      j++;
    }
  }
  const keep = all.map(
    (l, k) => l.op !== ' ' || all.slice(Math.max(0, k - context), k + context + 1).some((x) => x.op !== ' '),
  );
  const out: DiffLine[] = [];
  let skipped = false;
  all.forEach((l, k) => {
    if (keep[k]) {
      if (skipped) out.push({ op: '@', text: '  …' });
      skipped = false;
      out.push(l);
    } else {
      skipped = true;
    }
  });
  return out;
}
