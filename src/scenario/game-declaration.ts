import { excerpt, type Issue, type Result } from '../util/index.ts';
import { gameWeightsSchema, type GameWeights } from './game-schema.ts';
import type { LoadedScenario } from './loaded-scenario.ts';
import type { ResolvedScenario } from './resolve.ts';
import { parseChange, type Change } from './patch.ts';
import { withChanges } from './with-changes.ts';

/** One strategy of a player, its `*` expanded to the player. */
export interface GameStrategy {
  readonly name: string;
  readonly description: string;
  readonly changes: readonly Change[];
}

/** How the other side's strike probability follows credibility c ∈ [0, 1]. */
export interface StrikeMap {
  readonly shape: 'linear' | 'logistic';
  readonly atNoCredibility: number;
  readonly atFullCredibility: number;
}

/** The game as the analysis plays it: two players, their strategies and costs. */
export interface GameDeclaration {
  readonly players: readonly [string, string];
  readonly strategies: readonly [readonly GameStrategy[], readonly GameStrategy[]];
  readonly weights: readonly [GameWeights, GameWeights];
  readonly deterrence: { readonly strikeDay: number; readonly strike: StrikeMap } | null;
  /** Index of each player's restraint strategy, or null when a player has no `in-loop`. */
  readonly agreement: readonly [number, number] | null;
}

/** Bounded work: a game of 8 × 8 profiles already runs 64 (or 192 with deterrence) arms. */
export const MAX_STRATEGIES = 8;

const MODES = [
  ['in-loop', 'human_in_the_loop', 'a human must approve every AI hostile label'],
  ['on-loop', 'human_on_the_loop', 'a human may veto within the window'],
  ['autonomous', 'autonomous', 'the AI acts on its own label'],
] as const;

/** Default strategies: the three delegation modes, each with pre-delegation off and on. */
export const DEFAULT_STRATEGY_SETS: Readonly<
  Record<string, { description: string; set: readonly string[] }>
> = Object.fromEntries(
  MODES.flatMap(([name, mode, what]) => [
    [
      name,
      {
        description: `${what}; no pre-delegated launch authority`,
        set: [`actors.*.authority.mode=${mode}`, 'actors.*.comms.predelegation.enabled=false'],
      },
    ],
    [
      `${name}-predelegated`,
      {
        description: `${what}; forces may use pre-delegated authority if leadership seems lost`,
        set: [`actors.*.authority.mode=${mode}`, 'actors.*.comms.predelegation.enabled=true'],
      },
    ],
  ]),
);

/** The restraint an agreement verifies when none is declared. */
export const DEFAULT_RESTRAINT = 'in-loop';

/**
 * The scenario's game: two players, each with declared or default strategies (each checked by
 * applying it alone through the one patcher), costs and deterrence. Problems name the field.
 */
export function gameDeclaration(loaded: LoadedScenario): Result<GameDeclaration> {
  const game: NonNullable<ResolvedScenario['game']> = loaded.scenario.game ?? {
    strategies: {},
    weights: {},
  };
  const actors = Object.keys(loaded.scenario.actors);
  const issues: Issue[] = [];
  if (actors.length !== 2) {
    const message = `the game needs two actors (the scenario has ${actors.length})`;
    return { ok: false, issues: [{ path: 'actors', message }] };
  }
  const players = [actors[0], actors[1]] as const;
  const unknownActors = (group: string, record: object | undefined) => {
    for (const id of Object.keys(record ?? {})) {
      if (!actors.includes(id)) {
        const message = `no actor '${excerpt(id)}' (actors: ${actors.join(', ')})`;
        issues.push({ path: `game.${group}.${id}`, message });
      }
    }
  };
  unknownActors('strategies', game.strategies);
  unknownActors('weights', game.weights);
  unknownActors('agreement', game.agreement);
  const strategies = players.map((player) => {
    const declared = game.strategies?.[player];
    const sets = declared ?? DEFAULT_STRATEGY_SETS;
    const at = `game.strategies.${player}`;
    if (Object.keys(sets).length === 0)
      issues.push({ path: at, message: 'declare at least one strategy' });
    if (Object.keys(sets).length > MAX_STRATEGIES) {
      const message = `${Object.keys(sets).length} strategies (at most ${MAX_STRATEGIES})`;
      issues.push({ path: at, message });
    }
    return Object.entries(sets).map(([name, def]): GameStrategy => {
      const changes: Change[] = [];
      def.set.forEach((text, i) => {
        const change = parseChange(text);
        if (typeof change === 'string') {
          issues.push({ path: `${at}.${name}.set.${i}`, message: `${excerpt(text)}: ${change}` });
          return;
        }
        const path = change.path.map((s, k) =>
          k === 1 && change.path[0] === 'actors' && s === '*' ? player : s,
        );
        changes.push({ path, value: change.value });
      });
      const applied = withChanges(loaded, changes, `${at}.${name}`);
      if (!applied.ok && changes.length === def.set.length) {
        const first = applied.issues[0];
        issues.push({ path: `${at}.${name}.set`, message: `${first.path}: ${first.message}` });
      }
      return { name, description: def.description ?? '', changes };
    });
  }) as unknown as [GameStrategy[], GameStrategy[]];
  const weights = players.map(
    (p) => game.weights?.[p] ?? gameWeightsSchema.parse(undefined),
  ) as unknown as [GameWeights, GameWeights];
  const deterrence = game.deterrence ?? null;
  if (deterrence && deterrence.strikeDay >= loaded.scenario.horizonDays) {
    const message = `day ${deterrence.strikeDay} is not within the ${loaded.scenario.horizonDays}-day horizon`;
    issues.push({ path: 'game.deterrence.strikeDay', message });
  }
  if (deterrence && deterrence.strike.shape === 'logistic') {
    for (const end of ['atNoCredibility', 'atFullCredibility'] as const) {
      const x = deterrence.strike[end];
      if (x <= 0 || x >= 1) {
        const message = `${x}: a logistic map needs both ends strictly between 0 and 1 (or use shape: linear)`;
        issues.push({ path: `game.deterrence.strike.${end}`, message });
      }
    }
  }
  const agreement = restraint(game.agreement, players, strategies, issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { players, strategies, weights, deterrence, agreement } };
}

function restraint(
  declared: Readonly<Record<string, string>> | undefined,
  players: readonly [string, string],
  strategies: readonly (readonly GameStrategy[])[],
  issues: Issue[],
): [number, number] | null {
  const index = players.map((p, i) => {
    const name = declared?.[p] ?? DEFAULT_RESTRAINT;
    const k = strategies[i].findIndex((s) => s.name === name);
    if (k < 0 && declared !== undefined) {
      const known = strategies[i].map((s) => s.name).join(', ');
      const message =
        declared[p] === undefined
          ? 'name a strategy for every player'
          : `no strategy '${excerpt(name)}' (strategies: ${known})`;
      issues.push({ path: `game.agreement.${p}`, message });
    }
    return k;
  });
  return index[0] >= 0 && index[1] >= 0 ? [index[0], index[1]] : null;
}
