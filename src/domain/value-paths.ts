// Dotted-path helpers over plain values (what helm sees once YAML is parsed).

export type Path = readonly string[];

export type Obj = Record<string, unknown>;

/** A YAML map once parsed (not null, not a list). */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function getIn(v: unknown, path: Path): unknown {
  let cur = v;
  for (const k of path) {
    if (!isObj(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** True when helm would already see `value` at `path` without the override (maps merge). */
export function coveredBy(base: unknown, path: Path, value: unknown): boolean {
  if (isObj(value)) return Object.entries(value).every(([k, v]) => coveredBy(base, [...path, k], v));
  return deepEqual(getIn(base, path), value);
}

export function setIn(obj: Record<string, unknown>, path: Path, value: unknown): void {
  let cur = obj;
  for (const [i, k] of path.entries()) {
    if (i === path.length - 1) cur[k] = value;
    else {
      const next = cur[k];
      if (typeof next !== 'object' || next === null) cur[k] = {};
      cur = cur[k] as Record<string, unknown>;
    }
  }
}
