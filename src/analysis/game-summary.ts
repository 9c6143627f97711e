import { estimateProportion, type Difference, type ProportionEstimate } from '../estimate/index.ts';
import type { GameDeclaration, LoadedScenario } from '../scenario/index.ts';
import { VERSION } from '../version.ts';
import { agreementAnalysis, type AgreementResult } from './game-agreement.ts';
import {
  perProfile,
  PROFILE_OUTCOMES,
  Slot,
  type GameChunkResult,
  type GameLayout,
} from './game-chunk.ts';
import { fromDraws, payoffDraws, share } from './game-draws.ts';
import type { GameParameterUncertainty } from './game-parameter-sets.ts';
import { strikeProbability } from './game-payoffs.ts';
import { nashEquilibria, onSupport, pureEquilibria } from './nash-equilibria.ts';
import type { Estimated } from './uncertainty.ts';

export type ProfileOutcome = (typeof PROFILE_OUTCOMES)[number];

/** One profile: a strategy of each player, played on the same trials as every other. */
export interface ProfileResult {
  readonly strategies: readonly [string, string];
  readonly outcomes: Readonly<Record<ProfileOutcome, ProportionEstimate>>;
  /** P(a genuine attack on that player's side met no response), each player's: what its payoff weighs. */
  readonly unansweredOn: readonly [ProportionEstimate, ProportionEstimate];
  /** Each player's P(answered | struck) in the strike variant; null without deterrence. */
  readonly credibility: readonly [ProportionEstimate, ProportionEstimate] | null;
  /** The other side's P(strike) each player faces at its credibility (point); null without deterrence. */
  readonly strikeRisk: readonly [number, number] | null;
  readonly payoffs: readonly [Difference, Difference];
  /** A pure equilibrium at the point estimates. */
  readonly equilibrium: boolean;
  /** Share of resampled payoff matrices in which it is a (pure) equilibrium. */
  readonly equilibriumProbability: number;
  /**
   * The same over the declared parameter uncertainty too: the mean over parameter sets of each
   * set's resampled share, ± its standard error over the sets; null when not played.
   */
  readonly parameterEquilibriumProbability: Estimated | null;
}

/** What a game stopped early (Ctrl-C) had done; every profile ran the same trials. */
export interface GamePartial {
  /** Trials of every arm done, and planned. */
  readonly trials: number;
  readonly plannedTrials: number;
  /** Parameter sets played, and planned (0 when parameter uncertainty was not to be played). */
  readonly parameterSets: number;
  readonly plannedParameterSets: number;
}

/** An equilibrium at the point estimates, with what resampling says of it. */
export interface EquilibriumResult {
  readonly kind: 'pure' | 'mixed';
  /** Each player's mix over its strategies, each probability with its interval. */
  readonly mix: readonly [readonly Difference[], readonly Difference[]];
  readonly support: readonly [readonly string[], readonly string[]];
  readonly payoffs: readonly [Difference, Difference];
  /** Share of resampled payoffs with an equilibrium on the same supports. */
  readonly probability: number;
  /** Profiles better for one player and no worse for the other, with P(improves) over the draws. */
  readonly paretoImprovements: readonly {
    readonly profile: number;
    readonly strategies: readonly [string, string];
    readonly probability: number;
  }[];
}

/** A player's change of strategy alone: its paired gain, and the error independent runs would have. */
export interface Deviation {
  readonly player: 0 | 1;
  readonly from: number;
  readonly to: number;
  readonly gain: Difference;
  readonly independentStderr: number;
}

export interface GameResult {
  readonly version: string;
  readonly seed: number;
  /** Trials of each arm (every profile and strike variant ran the same trials). */
  readonly runs: number;
  readonly resamples: number;
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly players: readonly [string, string];
  readonly strategies: readonly [
    readonly { name: string; description: string }[],
    readonly { name: string; description: string }[],
  ];
  readonly weights: GameDeclaration['weights'];
  readonly deterrence: GameDeclaration['deterrence'];
  /** Row-major: profile k is (k ÷ columns, k mod columns). */
  readonly profiles: readonly ProfileResult[];
  readonly equilibria: readonly EquilibriumResult[];
  readonly deviations: readonly Deviation[];
  readonly agreement: AgreementResult | null;
  /** P(equilibrium) over the declared parameter uncertainty; null when none was played. */
  readonly parameterUncertainty: GameParameterUncertainty | null;
  /** Set when the game was stopped before the end: what it had done. Null when complete. */
  readonly partial: GamePartial | null;
  readonly timing: { readonly seconds: number };
}

/** The game's result from its merged sums: payoffs, equilibria, their robustness, the agreement. */
export function summarizeGame(
  loaded: LoadedScenario,
  game: GameDeclaration,
  layout: GameLayout,
  totals: GameChunkResult,
  options: {
    seed: number;
    resamples: number;
    seconds: number;
    parameterUncertainty?: GameParameterUncertainty | null;
    partial?: GamePartial | null;
  },
): GameResult {
  const overParameters = options.parameterUncertainty ?? null;
  const cols = game.strategies[1].length;
  const names = (k: number) =>
    [game.strategies[0][Math.floor(k / cols)].name, game.strategies[1][k % cols].name] as const;
  const { point, draws } = payoffDraws(totals, layout, game, options.seed, options.resamples);
  const cell = (m: readonly (readonly number[])[], k: number) => m[Math.floor(k / cols)][k % cols];
  const payoff = (k: number, p: 0 | 1) =>
    fromDraws(
      cell(p === 0 ? point.a : point.b, k),
      draws.map((d) => cell(p === 0 ? d.a : d.b, k)),
    );
  const pure = pureEquilibria(point.a, point.b).map(([i, j]) => i * cols + j);
  const drawnPure = draws.map(
    (d) => new Set(pureEquilibria(d.a, d.b).map(([i, j]) => i * cols + j)),
  );
  const per = perProfile(layout);
  const n = totals.trials;
  const profiles = Array.from({ length: layout.profiles }, (_, k): ProfileResult => {
    const at = k * per;
    const outcomes = Object.fromEntries(
      PROFILE_OUTCOMES.map((o, i) => [o, estimateProportion(totals.sums[at + i], n)]),
    ) as Record<ProfileOutcome, ProportionEstimate>;
    const sum = (slot: number) => totals.sums[at + slot];
    const credibility = layout.deterrence
      ? ([
          estimateProportion(sum(Slot.retaliated + 2), sum(Slot.strike + 2)),
          estimateProportion(sum(Slot.retaliated), sum(Slot.strike)),
        ] as const)
      : null;
    const map = game.deterrence?.strike;
    const c = point.credibility?.[k];
    return {
      strategies: names(k),
      outcomes,
      unansweredOn: [
        estimateProportion(sum(Slot.unansweredOn), n),
        estimateProportion(sum(Slot.unansweredOn + 1), n),
      ],
      credibility,
      strikeRisk: map && c ? [strikeProbability(map, c[0]), strikeProbability(map, c[1])] : null,
      payoffs: [payoff(k, 0), payoff(k, 1)],
      equilibrium: pure.includes(k),
      equilibriumProbability: share(drawnPure, (s) => s.has(k)),
      parameterEquilibriumProbability: overParameters?.equilibriumProbability[k] ?? null,
    };
  });
  const equilibria = nashEquilibria(point.a, point.b).map((e): EquilibriumResult => {
    const [rows, colsIn] = e.support;
    const solved = draws.map((d) => onSupport(d.a, d.b, rows, colsIn));
    const solvable = solved.flatMap((s) => (s === null ? [] : [s.equilibrium]));
    const mix = (which: 'p' | 'q') =>
      e[which].map((x, i) =>
        fromDraws(
          x,
          solvable.map((s) => s[which][i]),
        ),
      );
    const better = (u: readonly [number, number], a: number, b: number) =>
      a >= u[0] && b >= u[1] && (a > u[0] || b > u[1]);
    const paretoImprovements = profiles.flatMap((_, k) => {
      if (!better(e.payoffs, cell(point.a, k), cell(point.b, k))) return [];
      const probability = share(
        solved.map((s, r) => [s, draws[r]] as const),
        ([s, d]) => s !== null && better(s.equilibrium.payoffs, cell(d.a, k), cell(d.b, k)),
      );
      return [{ profile: k, strategies: names(k), probability }];
    });
    return {
      kind: rows.length === 1 ? 'pure' : 'mixed',
      mix: [mix('p'), mix('q')],
      support: [
        rows.map((i) => game.strategies[0][i].name),
        colsIn.map((j) => game.strategies[1][j].name),
      ],
      payoffs: [0, 1].map((p) =>
        fromDraws(
          e.payoffs[p],
          solvable.map((s) => s.payoffs[p]),
        ),
      ) as [Difference, Difference],
      probability: share(solved, (s) => s?.valid === true),
      paretoImprovements,
    };
  });
  const deviations: Deviation[] = [];
  for (let k = 0; k < layout.profiles; k++) {
    const [i, j] = [Math.floor(k / cols), k % cols];
    for (let other = 0; other < game.strategies[0].length; other++) {
      if (other !== i)
        deviations.push(
          deviation(
            0,
            k,
            other * cols + j,
            profiles,
            point.a,
            draws.map((d) => d.a),
            cols,
          ),
        );
    }
    for (let other = 0; other < cols; other++) {
      if (other !== j)
        deviations.push(
          deviation(
            1,
            k,
            i * cols + other,
            profiles,
            point.b,
            draws.map((d) => d.b),
            cols,
          ),
        );
    }
  }
  return {
    version: VERSION,
    seed: options.seed,
    runs: n,
    resamples: options.resamples,
    scenario: { name: loaded.scenario.name, hash: loaded.hash },
    players: game.players,
    strategies: [0, 1].map((p) =>
      game.strategies[p].map((s) => ({ name: s.name, description: s.description })),
    ) as unknown as GameResult['strategies'],
    weights: game.weights,
    deterrence: game.deterrence,
    profiles,
    equilibria,
    deviations,
    agreement: agreementAnalysis(game, { point, draws }),
    parameterUncertainty: overParameters,
    partial: options.partial ?? null,
    timing: { seconds: options.seconds },
  };
}

function deviation(
  player: 0 | 1,
  from: number,
  to: number,
  profiles: readonly ProfileResult[],
  point: readonly (readonly number[])[],
  draws: readonly (readonly (readonly number[])[])[],
  cols: number,
): Deviation {
  const at = (m: readonly (readonly number[])[], k: number) => m[Math.floor(k / cols)][k % cols];
  const gain = fromDraws(
    at(point, to) - at(point, from),
    draws.map((m) => at(m, to) - at(m, from)),
  );
  // Independent runs of the same size: the two payoffs' variances add, with no covariance to cancel.
  const independentStderr = Math.hypot(
    profiles[from].payoffs[player].stderr,
    profiles[to].payoffs[player].stderr,
  );
  return { player, from, to, gain, independentStderr };
}
