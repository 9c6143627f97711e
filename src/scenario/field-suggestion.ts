import { scenarioJsonSchema } from './json-schema.ts';

type Json = Record<string, unknown>;
let schema: Json | undefined;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null;

/** The schema node of the group at `path`: through properties, records and unions. */
function groupAt(path: readonly (string | number)[]): Json | undefined {
  schema ??= scenarioJsonSchema();
  let node: unknown = schema;
  for (const segment of path) {
    if (!isObject(node)) return undefined;
    const branch = [node, ...((node.anyOf ?? node.oneOf ?? []) as unknown[])].find(
      (n) => isObject(n) && (isObject(n.properties) || isObject(n.additionalProperties)),
    );
    if (!isObject(branch)) return undefined;
    const properties = isObject(branch.properties) ? branch.properties : {};
    node = properties[String(segment)] ?? branch.additionalProperties;
  }
  return isObject(node) ? node : undefined;
}

/** The fields a group at `path` may have, e.g. `['actors', 'north', 'human']`. */
export function knownFields(path: readonly (string | number)[]): string[] {
  const group = groupAt(path);
  const branches = group ? [group, ...((group.anyOf ?? group.oneOf ?? []) as unknown[])] : [];
  return [
    ...new Set(
      branches.flatMap((b) =>
        isObject(b) && isObject(b.properties) ? Object.keys(b.properties) : [],
      ),
    ),
  ];
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), case-blind. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d = Array.from({ length: s.length + 1 }, (_, i) => [
    i,
    ...new Array<number>(t.length).fill(0),
  ]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[s.length][t.length];
}

/** `unknown field`, with the closest known field when one is a likely typo of it. */
export function unknownFieldMessage(path: readonly (string | number)[]): string {
  const key = String(path[path.length - 1]);
  const limit = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const field of knownFields(path.slice(0, -1))) {
    const d = distance(key, field);
    if (d < bestDistance) [best, bestDistance] = [field, d];
  }
  return best !== undefined && bestDistance <= limit
    ? `unknown field (did you mean '${best}'?)`
    : 'unknown field';
}
