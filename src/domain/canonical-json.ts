// A canonical JSON of a value: every object's keys sorted, dates as ISO text, so equal content
// gives equal text whatever order its objects were built in. The sync keys by it what must not
// depend on that order: the region's part of the derivation identity and a chart's cached SVG.

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    // Keys and a new object rather than entries: a third faster on an overview of 10 MB of JSON.
    const keys = Object.keys(v).sort();
    // No prototype: a key named __proto__ (JSON.parse makes one) stays a key.
    const sorted = Object.create(null) as Record<string, unknown>;
    for (const k of keys) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}
