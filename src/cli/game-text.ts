import type { Difference, Estimated, GameResult } from '../index.ts';
import { estimateWithError, formatInteger, probabilityFormat } from './format.ts';
import { table } from './table.ts';

const pct = (x: number) => `${(100 * x).toFixed(x > 0 && x < 0.01 ? 1 : 0)}%`;
const num = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 0.01 ? x.toFixed(3) : x.toPrecision(2));
const withError = (e: Difference) => `${num(e.estimate)} ± ${num(e.stderr)}`;
const interval = (e: Difference) => `[${num(e.ci95[0])}, ${num(e.ci95[1])}]`;
const pctWithError = (e: Estimated) =>
  `${(100 * e.estimate).toFixed(0)}% ± ${(100 * e.stderr).toFixed(e.stderr > 0 && e.stderr < 0.01 ? 1 : 0)}`;
const plural = (n: number, one: string) => `${formatInteger(n)} ${one}${n === 1 ? '' : 's'}`;

// A game with strategies that change nothing has many tied equilibria: the first few tell the story.
const SHOWN = 8;

/** The human-readable report of `petrov game`. */
export function gameText(result: GameResult): string {
  const [first, second] = result.players;
  const lines = [
    `Petrov ${result.version} — delegation game: ${result.scenario.name}`,
    `${first} (first) × ${second} (second): ${result.profiles.length} profiles, ${formatInteger(result.runs)} trials each on common random numbers, seed ${result.seed}; ${formatInteger(result.resamples)} resampled payoff matrices`,
    '',
    'Costs (payoff = −Σ cost × P)',
    ...result.players.map((p, i) => {
      const w = result.weights[i];
      const strike = result.deterrence
        ? `, struck ${w.disarmingStrike}, exchange after a strike ${w.retaliationAfterStrike}`
        : '';
      return `  ${p}: accidental use ${w.accidentalUse}, general war ${w.generalWar}, unanswered attack ${w.unansweredAttack}${strike}`;
    }),
    result.deterrence
      ? `Deterrence: strike on day ${result.deterrence.strikeDay} measures credibility c = P(answered | struck); P(strike) ${result.deterrence.strike.shape} from ${pct(result.deterrence.strike.atNoCredibility)} at c = 0 to ${pct(result.deterrence.strike.atFullCredibility)} at c = 1`
      : 'Deterrence: not declared (game.deterrence), so no strike term',
    '',
    ...partialLines(result),
    ...parameterLines(result),
  ];
  const outcomes = result.profiles.flatMap((p) => [
    p.outcomes.accidentalUse.p,
    p.outcomes.generalWar.p,
    ...p.unansweredOn.map((u) => u.p),
  ]);
  const f = probabilityFormat(outcomes);
  const deterrence = result.deterrence !== null;
  const overParameters = result.parameterUncertainty !== null;
  lines.push(
    `Profiles (* pure equilibrium; P(eq.) over the resampled payoffs${overParameters ? '; P(eq.) params over the parameter sets too' : ''})`,
  );
  lines.push(
    ...table(
      [
        { header: first },
        { header: second },
        { header: 'P(accidental use)', align: 'right' },
        { header: 'P(general war)', align: 'right' },
        { header: `P(unanswered on ${first})`, align: 'right' },
        { header: `P(unanswered on ${second})`, align: 'right' },
        ...(deterrence
          ? [
              { header: `credibility ${first}`, align: 'right' as const },
              { header: `credibility ${second}`, align: 'right' as const },
            ]
          : []),
        { header: `payoff ${first}`, align: 'right' },
        { header: `payoff ${second}`, align: 'right' },
        { header: 'P(eq.)', align: 'right' },
        ...(overParameters ? [{ header: 'P(eq.) params', align: 'right' as const }] : []),
      ],
      result.profiles.map((p) => [
        p.strategies[0],
        p.strategies[1],
        estimateWithError(p.outcomes.accidentalUse, f),
        estimateWithError(p.outcomes.generalWar, f),
        ...p.unansweredOn.map((u) => estimateWithError(u, f)),
        ...(p.credibility
          ? p.credibility.map((c) => estimateWithError(c, probabilityFormat([c.p])))
          : []),
        withError(p.payoffs[0]),
        withError(p.payoffs[1]),
        `${p.equilibrium ? '* ' : ''}${pct(p.equilibriumProbability)}`,
        ...(p.parameterEquilibriumProbability
          ? [pctWithError(p.parameterEquilibriumProbability)]
          : []),
      ]),
    ),
  );
  lines.push('');
  lines.push(
    result.equilibria.length === 0
      ? 'Equilibria: none found on equal-size supports (a degenerate game: see docs/delegation-game.md)'
      : 'Equilibria (at the estimated payoffs; how often resampled payoffs keep one on the same strategies)',
  );
  for (const e of result.equilibria.slice(0, SHOWN)) {
    const mix = (p: 0 | 1) =>
      e.support[p]
        .map((name) => {
          const i = result.strategies[p].findIndex((s) => s.name === name);
          const m = e.mix[p][i];
          return e.kind === 'pure' ? name : `${num(m.estimate)} ${name} ${interval(m)}`;
        })
        .join(' + ');
    lines.push(`  ${e.kind.padEnd(5)}  ${first}: ${mix(0)}; ${second}: ${mix(1)}`);
    const profile =
      e.kind === 'pure'
        ? result.profiles.find((p) => p.strategies.every((name, i) => name === e.support[i][0]))
        : undefined;
    const params = profile?.parameterEquilibriumProbability;
    lines.push(
      `         payoffs ${withError(e.payoffs[0])}, ${withError(e.payoffs[1])}; holds in ${pct(e.probability)} of resamples${params ? `, ${pctWithError(params)} with parameter uncertainty` : ''}`,
    );
    for (const i of e.paretoImprovements) {
      lines.push(
        `         Pareto improvement: ${first} ${i.strategies[0]}, ${second} ${i.strategies[1]} (in ${pct(i.probability)} of resamples)`,
      );
    }
  }
  if (result.equilibria.length > SHOWN) {
    lines.push(
      `  … and ${result.equilibria.length - SHOWN} more (ties between strategies that change nothing here; --json lists all)`,
    );
  }
  const a = result.agreement;
  if (a) {
    lines.push('');
    lines.push(
      `Agreement: ${first} ${a.restraint[0]}, ${second} ${a.restraint[1]}, verified with probability v, penalty on a detected breach`,
    );
    a.gains.forEach((g, i) => {
      lines.push(
        `  ${result.players[i]}'s best breach (${a.bestBreach[i]}) gains ${withError(g)} ${interval(g)}`,
      );
    });
    lines.push(
      a.threshold.estimate <= 0
        ? `  self-enforcing without verification (in ${pct(a.holdsUnverified)} of resamples)`
        : `  self-enforcing when v × penalty ≥ ${withError(a.threshold)} ${interval(a.threshold)}; without verification in ${pct(a.holdsUnverified)} of resamples`,
    );
  }
  lines.push('');
  lines.push(
    'Payoff errors come from the resampled payoffs; unilateral changes are paired (see --json deviations for each with the error independent runs would have).',
  );
  lines.push(`${result.timing.seconds.toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}

/** What a game stopped by Ctrl-C had done, and what it had not. */
function partialLines(result: GameResult): string[] {
  const p = result.partial;
  if (p === null) return [];
  const trials =
    p.trials < p.plannedTrials
      ? `after ${formatInteger(p.trials)} of ${formatInteger(p.plannedTrials)} trials of every profile (all profiles ran the same trials, so the game below is whole, on fewer trials; missing: trials ${formatInteger(p.trials + 1)}–${formatInteger(p.plannedTrials)})`
      : `once every profile had finished its ${formatInteger(p.plannedTrials)} trials`;
  const sets =
    p.plannedParameterSets === 0
      ? ''
      : p.parameterSets === p.plannedParameterSets
        ? ''
        : `; parameter sets: ${formatInteger(p.parameterSets)} of ${formatInteger(p.plannedParameterSets)} played (missing: ${p.parameterSets + 1 === p.plannedParameterSets ? `set ${p.plannedParameterSets}` : `sets ${p.parameterSets + 1}–${p.plannedParameterSets}`}; a set stopped midway is left out)`;
  return [`PARTIAL: stopped by Ctrl-C ${trials}${sets}`, ''];
}

/** How the parameter uncertainty was played, and how often it keeps the baseline's equilibria. */
function parameterLines(result: GameResult): string[] {
  const u = result.parameterUncertainty;
  if (u === null) return [];
  const names =
    u.parameters.length <= 4 ? u.parameters.join(', ') : `${u.parameters.length} parameters`;
  return [
    `Parameter uncertainty: ${plural(u.parameterSets, 'parameter set')} of ${names} (the uncertainty block, a low-discrepancy design), ${formatInteger(u.runs)} trials of every arm and ${formatInteger(u.resamples)} resampled payoff matrices at each`,
    `  the pure equilibria at a set's estimated payoffs are the baseline's in ${pctWithError(u.sameAsBaseline)} of parameter sets`,
    '',
  ];
}
