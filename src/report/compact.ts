/** A shallow copy of `obj` without the keys whose value is `undefined`, keeping key order (JSON stays byte-stable). */
export function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}
