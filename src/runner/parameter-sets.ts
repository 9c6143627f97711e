import { DESIGN_STREAM } from '../analysis/index.ts';
import { KroneckerSequence, Rng } from '../random/index.ts';
import {
  uncertainParameters,
  withChanges,
  withNumberChanges,
  type Change,
  type LoadedScenario,
} from '../scenario/index.ts';
import { InputError } from '../util/index.ts';

/** One parameter set of the declared uncertainty, applied. */
export interface ParameterSet {
  readonly index: number;
  readonly changes: readonly Change[];
  /** The scenario with the set's values (its `game` block too, so uncertain costs apply). */
  readonly loaded: LoadedScenario;
}

/**
 * The first `count` parameter sets of the scenario's `uncertainty` block: points of a randomly
 * shifted Kronecker sequence (the uncertainty study's design and stream) through each parameter's
 * quantile function, applied by the one patcher (in-bounds numbers by the fast path). A set the
 * schema refuses as a whole is an error naming the set.
 */
export function* parameterSetScenarios(
  loaded: LoadedScenario,
  seed: number,
  count: number,
): Generator<ParameterSet> {
  const parameters = uncertainParameters(loaded.scenario);
  if (parameters.length === 0 || count <= 0) return;
  const sequence = new KroneckerSequence(parameters.length, new Rng(seed, 0, DESIGN_STREAM));
  const u = new Float64Array(parameters.length);
  for (let index = 0; index < count; index++) {
    sequence.point(index + 1, u);
    const changes = parameters.map((p, i) => ({ path: p.path, value: p.quantile(u[i]) }));
    const fast = withNumberChanges(loaded.scenario, changes);
    if (fast !== null) {
      // No hash: only the profiles' scenarios, patched from this one, are run.
      yield { index, changes, loaded: { scenario: fast, hash: '' } };
      continue;
    }
    const applied = withChanges(loaded, changes, `parameter set ${index + 1}`);
    if (!applied.ok) throw new InputError(applied.issues);
    yield { index, changes, loaded: applied.value };
  }
}
