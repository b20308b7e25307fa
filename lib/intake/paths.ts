// Reading and writing nested values by dotted path ("workHistory.0.start"); shared by the intake form and tests.

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split(".")) {
    if (cur === null || cur === undefined || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Returns a copy with `value` at `path` (creating objects/arrays on the way); undefined deletes the key. */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const keys = path.split(".");
  const root: Record<string, unknown> = Array.isArray(obj) ? ([...obj] as unknown as Record<string, unknown>) : { ...(obj as Record<string, unknown>) };
  let cur: Record<string, unknown> = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    const nextIsIndex = /^\d+$/.test(keys[i + 1]);
    const existing = cur[k];
    const copy = Array.isArray(existing) ? [...existing] : existing && typeof existing === "object" ? { ...(existing as object) } : nextIsIndex ? [] : {};
    cur[k] = copy;
    cur = copy as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur)) cur[Number(last)] = undefined;
    else delete cur[last];
  } else cur[last] = value;
  return root as T;
}

/** Drops empty strings, undefined, empty objects and empty arrays, so "not filled in" means unknown. */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (value === "" || value === null || value === undefined) return undefined;
  return value;
}
