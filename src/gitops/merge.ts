// Re-export keeps hand edits: the generated object is laid over the existing yaml
// Document node by node, so keys, list items and comments the team added survive,
// while every field the export owns takes the newly generated value.
import { Document, isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';

type Plain = unknown;

function isPlainObject(v: Plain): v is Record<string, Plain> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A list item's identity: `name` (ConfigMaps, fieldSpecs' kinds…), else `ref`/`repoURL`. */
function itemKey(v: Plain): string | undefined {
  if (isPlainObject(v)) {
    for (const k of ['name', 'ref', 'repoURL', 'path']) {
      const x = v[k];
      if (typeof x === 'string') return `${k}=${x}`;
    }
    return undefined;
  }
  return isScalarValue(v) ? `=${String(v)}` : undefined;
}

function isScalarValue(v: Plain): boolean {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function nodeKey(n: unknown): string | undefined {
  if (isScalar(n)) return isScalarValue(n.value) ? `=${String(n.value)}` : undefined;
  if (isMap(n)) {
    for (const k of ['name', 'ref', 'repoURL', 'path']) {
      const x = n.get(k);
      if (typeof x === 'string') return `${k}=${x}`;
    }
  }
  return undefined;
}

function mergeMap(doc: Document, node: YAMLMap, value: Record<string, Plain>): void {
  for (const [k, v] of Object.entries(value)) {
    const current = node.get(k, true) as Node | undefined;
    const merged = current === undefined ? undefined : mergeNode(doc, current, v);
    if (merged === undefined) node.set(k, doc.createNode(v));
  }
}

/**
 * Generated items come first in generated order (order matters: valuesFrom, valueFiles);
 * an existing item with the same identity is merged in place of the generated one, and
 * items only the team added follow, in their order. Items without an identity are ours.
 */
function mergeSeq(doc: Document, node: YAMLSeq, value: Plain[]): void {
  const existing = [...node.items];
  const used = new Set<unknown>();
  const out: unknown[] = value.map((v) => {
    const key = itemKey(v);
    const match = key === undefined ? undefined : existing.find((n) => !used.has(n) && nodeKey(n) === key);
    if (match !== undefined) {
      used.add(match);
      if (mergeNode(doc, match as Node, v) !== undefined) return match;
    }
    return doc.createNode(v);
  });
  const generatedKeys = new Set(value.map(itemKey));
  for (const n of existing) {
    const key = nodeKey(n);
    // The team's own items (an extra valuesFrom, a resource) stay after ours.
    if (!used.has(n) && key !== undefined && !generatedKeys.has(key)) out.push(n);
  }
  node.items = out;
}

/** Merges `value` into `node` in place; undefined means "types differ, replace the node". */
function mergeNode(doc: Document, node: Node, value: Plain): Node | undefined {
  if (isPlainObject(value) && isMap(node)) {
    mergeMap(doc, node, value);
    return node;
  }
  if (Array.isArray(value) && isSeq(node)) {
    mergeSeq(doc, node, value);
    return node;
  }
  if (isScalarValue(value) && isScalar(node)) {
    node.value = value;
    return node;
  }
  return undefined;
}

export type MergeResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * The YAML text for `value`, laid over `existingText` when there is one. A file that
 * does not parse as a map is refused rather than replaced: it may hold hand edits.
 */
export function mergeYaml(existingText: string | undefined, value: Record<string, Plain>, header: string): MergeResult {
  if (existingText === undefined) {
    const doc = new Document(value);
    doc.commentBefore = header;
    return { ok: true, text: doc.toString({ lineWidth: 0 }) };
  }
  const doc = parseDocument(existingText);
  const first = doc.errors[0];
  if (first) return { ok: false, message: first.message.split('\n')[0] ?? 'invalid YAML' };
  if (!isMap(doc.contents)) return { ok: false, message: 'the top level is not a map' };
  mergeMap(doc, doc.contents, value);
  return { ok: true, text: doc.toString({ lineWidth: 0 }) };
}
