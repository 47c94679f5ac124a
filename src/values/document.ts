// Answers → the commented override file, as a yaml Document. A fresh file gets a
// header, a comment per group and per key; an existing file is edited in place so
// the user's own keys and comments survive a re-run.
import { Document, isMap, isPair, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { Answers } from '../domain/answers.js';
import { ANSWER_MARK, GROUP_COMMENTS, OWNED_PATHS, valueEntries } from '../domain/to-values.js';

export interface HeaderInfo {
  answers: Answers;
  /** As the user should type it in the helm command, e.g. `./flask-app.dev-flask-app.values.yaml`. */
  valuesPath: string;
  /** The chart directory as shown in commands, e.g. `flask-app`. */
  chart: string;
  /** The chart's values for the environment; keys equal to it are left out of the file. */
  base?: unknown;
}

function headerText(h: HeaderInfo): string {
  const { release, namespace, environment } = h.answers;
  return [
    ` flask-helm-wizard values override: release ${release}, namespace ${namespace}, environment ${environment}.`,
    " Helm layers it on top of the chart's environment file, always in this order:",
    `   helm upgrade --install ${release} ${h.chart} -n ${namespace} -f ${h.chart}/values-${environment}.yaml -f ${h.valuesPath}`,
    ` Keys marked "${ANSWER_MARK}…)" are rewritten from your answers on each run; keys and`,
    ' comments you add yourself are kept. No secrets here: passwords live in existing Secrets.',
  ].join('\n');
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && p.key.value === key);
}

/** Replaces the wizard's comment lines on a key, keeping any line the user wrote. */
function mergeComment(existing: string | null | undefined, ours: string): string {
  const userLines = (existing ?? '').split('\n').filter((l) => l.trim() !== '' && !l.includes(ANSWER_MARK));
  return [...userLines, ` ${ours}`].join('\n');
}

function keyNode(pair: Pair<unknown, unknown>) {
  return isScalar(pair.key) ? pair.key : undefined;
}

/** Builds a new document, or updates `existing` in place, from the answers. */
export function buildOverrideDocument(h: HeaderInfo, existing?: Document): Document {
  const doc = existing ?? new Document({});
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as YAMLMap;
  const root = doc.contents as YAMLMap;
  liftFirstKeyComments(root);
  const entries = valueEntries(h.answers, h.base);
  const produced = new Set(entries.map((e) => e.path.join('.')));
  for (const path of OWNED_PATHS) {
    if (!produced.has(path)) deleteOwned(root, path.split('.'));
  }
  for (const entry of entries) setOwned(doc, root, entry.path, entry.value, entry.comment);
  for (const [i, item] of root.items.entries()) {
    const key = keyNode(item);
    const group = key ? GROUP_COMMENTS[String(key.value)] : undefined;
    if (!key) continue;
    if (group && !(key.commentBefore ?? '').includes(group)) {
      key.commentBefore = key.commentBefore ? ` ${group}\n${key.commentBefore}` : ` ${group}`;
    }
    // A blank line before every group (the header gets its own from the printer).
    if (i > 0) key.spaceBefore = true;
    if (i === 0 && key.commentBefore) key.commentBefore = withoutHeaderLines(key.commentBefore);
  }
  doc.commentBefore = [headerText(h), ...userHeaderLines(doc.commentBefore)].join('\n');
  return doc;
}

const HEADER_FACTS = /flask-helm-wizard values override: release (\S+), namespace (\S+), environment (\S+)\./;

/** Release, namespace and environment as the header of a file we wrote records them. */
export function headerFacts(doc: Document): { release: string; namespace: string; environment: string } | undefined {
  // The parser may hang the top comment on the document, the root map or its first key.
  const root = isMap(doc.contents) ? doc.contents : undefined;
  const first = root?.items[0];
  const key = first ? keyNode(first) : undefined;
  const m = HEADER_FACTS.exec([doc.commentBefore, root?.commentBefore, key?.commentBefore].join('\n'));
  return m ? { release: m[1] as string, namespace: m[2] as string, environment: m[3] as string } : undefined;
}

const HEADER_PREFIXES = [
  ' flask-helm-wizard values override:',
  " Helm layers it on top of the chart's environment file",
  '   helm upgrade --install ',
  ' Keys marked "',
  ' comments you add yourself are kept.',
];

function withoutHeaderLines(comment: string): string {
  return comment
    .split('\n')
    .filter((l) => !HEADER_PREFIXES.some((p) => l.startsWith(p)))
    .join('\n');
}

/** Lines a user added to the top comment (ours are regenerated, group titles re-added). */
function userHeaderLines(existing: string | null | undefined): string[] {
  const groups = new Set(Object.values(GROUP_COMMENTS).map((g) => ` ${g}`));
  return (existing ?? '')
    .split('\n')
    .filter((l) => l.trim() !== '' && !groups.has(l) && !HEADER_PREFIXES.some((p) => l.startsWith(p)));
}

/**
 * The parser hangs a comment above the first key of a map on the map itself; move it
 * to that key so every key's comment lives in one place.
 */
function liftFirstKeyComments(map: YAMLMap): void {
  const first = map.items[0];
  const key = first ? keyNode(first) : undefined;
  if (key && map.commentBefore) {
    key.commentBefore = key.commentBefore ? `${map.commentBefore}\n${key.commentBefore}` : map.commentBefore;
    map.commentBefore = null;
  }
  for (const item of map.items) {
    if (isMap(item.value)) liftFirstKeyComments(item.value);
  }
}

function deleteOwned(root: YAMLMap, path: string[]): void {
  let map = root;
  for (const k of path.slice(0, -1)) {
    const next = findPair(map, k)?.value;
    if (!isMap(next)) return;
    map = next;
  }
  const pair = findPair(map, path[path.length - 1] as string);
  if (pair) map.items.splice(map.items.indexOf(pair), 1);
}

function setOwned(doc: Document, root: YAMLMap, path: readonly string[], value: unknown, comment: string): void {
  let map = root;
  for (const k of path.slice(0, -1)) {
    let pair = findPair(map, k);
    if (!pair) {
      pair = doc.createPair(k, {});
      map.items.push(pair);
    }
    if (!isMap(pair.value)) pair.value = doc.createNode({});
    map = pair.value as YAMLMap;
  }
  const last = path[path.length - 1] as string;
  const node = doc.createNode(value);
  let pair = findPair(map, last);
  if (pair) {
    // Keep a trailing comment the user put on the value.
    const old = pair.value;
    if (isScalar(old) && old.comment && isScalar(node)) node.comment = old.comment;
    pair.value = node;
  } else {
    pair = doc.createPair(last, node);
    map.items.push(pair);
  }
  const key = keyNode(pair);
  if (key) key.commentBefore = mergeComment(key.commentBefore, comment);
}

export function overrideText(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}
