import { parse } from 'yaml';
import { DISTRIBUTION_KINDS } from './uncertainty-schema.ts';

/** Positional arguments of each kind in `--uncertain 'path=kind(a, b, ...)'`. */
const ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  uniform: ['min', 'max'],
  loguniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['median', 'sigma'],
  beta: ['alpha', 'beta', 'min', 'max'],
};

/**
 * Parses `path=kind(a, b, ...)` into an `uncertainty` entry (marked as an assumption given on the
 * command line), or says why it cannot; the schema then validates it like one in the file.
 */
export function parseUncertainArgument(
  arg: string,
): { path: string; entry: Record<string, unknown> } | string {
  const eq = arg.indexOf('=');
  if (eq <= 0)
    return "expected path=kind(...), like 'actors.north.perception.probability=uniform(0.05, 0.5)'";
  const path = arg.slice(0, eq).trim();
  const call = /^\s*([a-z]+)\s*\((.*)\)\s*$/.exec(arg.slice(eq + 1));
  if (call === null) return 'expected kind(arguments), like uniform(0.05, 0.5)';
  const [, kind, list] = call;
  const values = list.split(',').map((s) => parse(s.trim()) as unknown);
  const entry: Record<string, unknown> = { dist: kind, assumption: 'given on the command line' };
  if (kind === 'discrete') return { path, entry: { ...entry, values } };
  const names = ARGUMENTS[kind];
  if (names === undefined)
    return `unknown distribution '${kind}' (known: ${DISTRIBUTION_KINDS.join(', ')})`;
  const needed = kind === 'beta' ? 2 : names.length;
  if (values.length < needed || values.length > names.length) {
    return `${kind} takes ${kind === 'beta' ? 'alpha, beta and optionally min, max' : names.join(', ')}`;
  }
  values.forEach((v, i) => (entry[names[i]] = v));
  return { path, entry };
}
