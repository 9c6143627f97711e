import type { RunKind, StoredOptions } from '../store/index.ts';

/** A shell word: quoted when it holds anything a shell would read specially. */
export const shellWord = (s: string) =>
  /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;

/**
 * The `petrov run` or `petrov compare` command line that gives the same numbers (same scenario,
 * seed, trials or target, overrides, safeguards, what-ifs and method). A scenario that came as
 * text (the web editor) is named `scenario.yaml`: the report holds its text to save as that.
 */
export function reproduceCommand(kind: RunKind, options: StoredOptions, seed: number): string {
  const source = /^(bundled:|text$)/.test(options.source)
    ? options.source.startsWith('bundled:')
      ? `scenarios/${options.source.slice('bundled:'.length)}.yaml`
      : 'scenario.yaml'
    : options.source;
  const args = [kind, source, '--seed', String(seed)];
  if (options.runs !== null) args.push('--runs', String(options.runs));
  else
    args.push(
      '--target-rel-error',
      String(options.targetRelError),
      '--max-runs',
      String(options.maxRuns),
    );
  for (const s of options.sets) args.push('--set', s);
  const flag = '--safeguard';
  for (const s of options.safeguards) args.push(flag, s);
  if (options.combine === true) args.push('--combine');
  for (const v of options.variants ?? []) {
    args.push('--variant', v.name);
    for (const s of v.sets) args.push('--set', s);
  }
  if (options.method !== undefined && options.method !== 'plain')
    args.push('--method', options.method);
  return `petrov ${args.map(shellWord).join(' ')}`;
}
