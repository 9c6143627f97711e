// Builds docs/delegation-game.md: the game, its estimators and limits, and the Korean case. Numbers
// come from runs, never from typing: `npm run docs:game` (add `-- --runs N` for another budget).
import {
  loadScenarioFile,
  playGame,
  type Difference,
  type GameResult,
  type ProportionEstimate,
} from '../src/index.ts';

export const SCENARIO = 'scenarios/korean-peninsula-2026.yaml';
/** The provision the second game verifies: a successor command that survives a disarming strike. */
export const SURVIVING = 0.9;

export interface Budget {
  readonly runs: number;
  readonly resamples: number;
  /** Parameter sets of the scenario's uncertainty block (the game as declared only). */
  readonly parameterSets: number;
  readonly parameterRuns: number;
  readonly workers?: number;
}

export const DOC_BUDGET: Budget = {
  runs: 2000,
  resamples: 1000,
  parameterSets: 20,
  parameterRuns: 200,
};

export interface GameStudy {
  readonly baseline: GameResult;
  readonly provision: GameResult;
  readonly budget: Budget;
}

/** The Korean game as the scenario declares it, and with a surviving command on both sides. */
export async function gameStudy(budget: Budget, seed = 1): Promise<GameStudy> {
  const play = async (sets: string[], parameterSets: number) => {
    const loaded = loadScenarioFile(SCENARIO, sets);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    return playGame(loaded.value, { ...budget, parameterSets, seed });
  };
  const baseline = await play([], budget.parameterSets);
  // The provision's game is compared at its Monte Carlo error only (half the time).
  const provision = await play(
    ['north', 'south'].map((a) => `actors.${a}.comms.survivingCommand=${SURVIVING}`),
    0,
  );
  return { baseline, provision, budget };
}

const pct = (e: ProportionEstimate) =>
  `${(100 * e.p).toFixed(2)}% ± ${(100 * e.stderr).toFixed(2)}`;
const num = (e: Difference) => `${e.estimate.toFixed(3)} ± ${e.stderr.toFixed(3)}`;
const share = (x: number) => `${Math.round(100 * x)}%`;
const shareWithError = (e: { estimate: number; stderr: number }) =>
  `${Math.round(100 * e.estimate)}% ± ${Math.round(100 * e.stderr)}`;

function equilibria(r: GameResult): string[] {
  if (r.equilibria.length === 0) return ['No equilibrium on equal-size supports (see Limits).'];
  const shown = r.equilibria.slice(0, SHOWN).map((e) => {
    const side = (p: 0 | 1) =>
      e.kind === 'pure'
        ? e.support[p][0]
        : e.support[p]
            .map((name) => {
              const i = r.strategies[p].findIndex((s) => s.name === name);
              return `${e.mix[p][i].estimate.toFixed(2)} ${name}`;
            })
            .join(' + ');
    const better = e.paretoImprovements.map(
      (i) => `${i.strategies.join(' × ')} (${share(i.probability)})`,
    );
    const profile =
      e.kind === 'pure'
        ? r.profiles.find((p) => p.strategies.every((name, i) => name === e.support[i][0]))
        : undefined;
    const params = profile?.parameterEquilibriumProbability;
    const overParameters = params ? ` (${shareWithError(params)} with parameter uncertainty)` : '';
    return `- ${e.kind}: ${r.players[0]} **${side(0)}**, ${r.players[1]} **${side(1)}**; payoffs ${num(e.payoffs[0])}, ${num(e.payoffs[1])}; holds in ${share(e.probability)} of resampled payoff matrices${overParameters}; Pareto improvements: ${better.length === 0 ? 'none' : better.join(', ')}.`;
  });
  const more = r.equilibria.length - shown.length;
  return more > 0
    ? [
        ...shown,
        `- … and ${more} more, tied with these (strategies that change nothing the costs weigh).`,
      ]
    : shown;
}

/** Equilibria listed before the rest are summed up. */
const SHOWN = 6;

/** What the provision does to the agreement's threshold, in words from the two runs. */
function comparison(b: GameResult, v: GameResult): string {
  const [tb, tv] = [b.agreement?.threshold, v.agreement?.threshold];
  if (!tb || !tv || tb.estimate <= 0) return '';
  const pre = (r: GameResult) =>
    r.equilibria.every((e) => e.support.every((s) => s.every((n) => n.endsWith('-predelegated'))));
  const still = pre(v)
    ? 'Every equilibrium still pre-delegates'
    : 'The equilibrium moves away from pre-delegation';
  const cheaper = tv.ci95[1] < tb.ci95[0];
  if (!cheaper)
    return `${still}; the restraint's threshold is ${num(tv)} against ${num(tb)}: not clearly cheaper at this budget.`;
  return `${still}, but the restraint becomes cheaper to enforce: v × penalty ${num(tv)} instead of ${num(tb)}, ${(tb.estimate / Math.max(tv.estimate, 1e-12)).toFixed(1)} times less (the intervals do not overlap). Here pre-delegation is bought for credibility against a disarming strike; a surviving command supplies most of that credibility without it, so verifying no pre-delegation together with a surviving command is the provision that moves the game.`;
}

function agreement(r: GameResult): string {
  const a = r.agreement;
  if (!a) return 'No restraint declared.';
  const gains = a.gains.map(
    (g, i) => `${r.players[i]} gains ${num(g)} by breaching to ${a.bestBreach[i]}`,
  );
  return a.threshold.estimate <= 0
    ? `Restraint (${a.restraint.join(', ')}) is self-enforcing without verification in ${share(a.holdsUnverified)} of resamples (${gains.join('; ')}).`
    : `Restraint (${a.restraint.join(', ')}): ${gains.join('; ')}. It is self-enforcing when v × penalty ≥ ${num(a.threshold)} (95% interval ${a.threshold.ci95.map((x) => x.toFixed(3)).join(' to ')}); at v = 0.5 that is a penalty of ${(a.threshold.estimate / 0.5).toFixed(3)}, at v = 0.9 of ${(a.threshold.estimate / 0.9).toFixed(3)} (payoff units: one accidental use = 1).`;
}

function profileTable(r: GameResult): string[] {
  const [n, s] = r.players;
  const params = r.parameterUncertainty !== null;
  const bold = (on: boolean, text: string) => (on ? `**${text}**` : text);
  return [
    `| ${n} | ${s} | P(accidental use) | P(unanswered on ${n}) | P(unanswered on ${s}) | credibility ${n} | credibility ${s} | payoff ${n} | payoff ${s} | P(equilibrium) |${params ? ' with parameter uncertainty |' : ''}`,
    `|---|---|---:|---:|---:|---:|---:|---:|---:|---:|${params ? '---:|' : ''}`,
    ...r.profiles.map((p) => {
      const overParameters = p.parameterEquilibriumProbability;
      return `| ${p.strategies[0]} | ${p.strategies[1]} | ${pct(p.outcomes.accidentalUse)} | ${pct(p.unansweredOn[0])} | ${pct(p.unansweredOn[1])} | ${p.credibility ? pct(p.credibility[0]) : '–'} | ${p.credibility ? pct(p.credibility[1]) : '–'} | ${num(p.payoffs[0])} | ${num(p.payoffs[1])} | ${bold(p.equilibrium, share(p.equilibriumProbability))} |${overParameters ? ` ${shareWithError(overParameters)} |` : ''}`;
    }),
  ];
}

/** How the declared parameter uncertainty moves the equilibrium, from the sets played. */
function parameterSection(r: GameResult): string[] {
  const u = r.parameterUncertainty;
  if (u === null) return ['The scenario declares no uncertain parameters, so none were played.'];
  const ranked = r.profiles
    .flatMap((p) => {
      const q = p.parameterEquilibriumProbability;
      return q && q.estimate > 0 ? [{ p, q }] : [];
    })
    .sort((a, b) => b.q.estimate - a.q.estimate)
    .slice(0, 5)
    .map(
      ({ p, q }) =>
        `- ${r.players[0]} ${p.strategies[0]}, ${r.players[1]} ${p.strategies[1]}: ${shareWithError(q)} (Monte Carlo alone: ${share(p.equilibriumProbability)})`,
    );
  return [
    `The game played again at ${u.parameterSets} parameter sets of the ${u.parameters.length} uncertain parameters the scenario declares (its \`uncertainty\` block, drawn by the low-discrepancy design of \`petrov uncertainty\`), ${u.runs.toLocaleString('en')} trials of every arm and ${u.resamples.toLocaleString('en')} resampled payoff matrices at each. A profile's P(equilibrium) is the mean over the sets of the share of that set's resampled matrices in which it is a pure equilibrium, ± its standard error over the sets (each set runs on trials of its own).`,
    '',
    `The pure equilibria at a set's estimated payoffs are the ones above in ${shareWithError(u.sameAsBaseline)} of parameter sets. The profiles most often an equilibrium:`,
    '',
    ...(ranked.length > 0 ? ranked : ['- none in any set (no pure equilibrium was found)']),
  ];
}

export function gameMarkdown(study: GameStudy): string {
  const { baseline: b, provision: v, budget } = study;
  const w = b.weights[0];
  const d = b.deterrence;
  return `${[
    '# The delegation game',
    '',
    `Generated by \`npm run docs:game\` (scripts/game-doc.ts) from ${SCENARIO}: ${b.runs.toLocaleString('en')} trials of every arm, seed ${b.seed}, ${budget.resamples.toLocaleString('en')} resampled payoff matrices; for the game as declared, also ${budget.parameterSets} parameter sets of ${budget.parameterRuns.toLocaleString('en')} trials. Every number below comes from that run; the costs and the strike map are the scenario's stated assumptions, not findings.`,
    '',
    '## The game',
    '',
    'Two players, the two actors of a scenario, each choose a strategy: a named set of `path=value` patches under `game.strategies.<actor>` (the one patcher of `--set` and safeguards; `*` in the actor position means the player). A player with none declared gets six: the three delegation modes (`authority.mode`: `in-loop`, `on-loop`, `autonomous`), each with pre-delegated launch authority (`comms.predelegation.enabled`) off and on (`-predelegated`). A profile is one strategy of each; it is the scenario with both patch sets applied.',
    '',
    'Each player i weighs the outcomes of a profile with its own costs (`game.weights.<actor>`):',
    '',
    '    U_i = −[ a·P(accidental use) + g·P(general war) + u·P(unanswered attack on i) + s(c_i)·(k + e·c_i) ]',
    '',
    '- accidental use: a nuclear use by either side whose cause is not deliberate (false alarm, decapitation misread, escalation spiral);',
    '- general war: the trial’s flag of the dilemma outcomes, one event both sides suffer;',
    '- an unanswered attack on i: a genuine attack on player i’s side that met no response before impact (the engine’s per-side split of the trial’s flag), so each player weighs the attack it failed to answer, not the other’s;',
    "- deterrence (`game.deterrence`, optional): c_i is the credibility of i's retaliation, P(i used nuclear weapons | the other side struck), measured on a variant of the profile in which the other side declares a disarming strike on `strikeDay`; s(c) is the other side's chance of striking in a crisis, a declared map from `atNoCredibility` (c = 0) to `atFullCredibility` (c = 1), linear or logistic (linear in the log-odds); k is the cost of being struck, e the cost of the exchange that answering starts. So delegation buys a surer answer, fewer strikes, at the price of accidents, and an answer costs something too.",
    '',
    `The Korean scenario states a = ${w.accidentalUse}, g = ${w.generalWar}, u = ${w.unansweredAttack}, k = ${w.disarmingStrike}, e = ${w.retaliationAfterStrike} for both sides${d ? `, and a strike map from ${d.strike.atNoCredibility} to ${d.strike.atFullCredibility} (${d.strike.shape}), strike day ${d.strikeDay}` : ''}.`,
    '',
    '**Agreements.** A mutual restraint (`game.agreement`: one strategy per player; by default both `in-loop`) is verified with probability v, and a detected breach pays a penalty F. A one-shot breach to strategy t gains U_i(t, r_j) − U_i(r_i, r_j) − v·F, so the restraint is self-enforcing when v·F ≥ max over players and breaches of the gain: the threshold. `petrov game --chart FILE` draws P(self-enforcing) over v and F.',
    '',
    '## Estimators',
    '',
    '- **Common random numbers.** Every profile and strike variant runs trial t on the same (seed, t) streams, so a unilateral change of strategy is paired: its payoff difference moves only on the trials the change alters. `test/game.test.ts` checks that a nearby strategy’s paired error is under 0.4 of what independent runs of the same size give.',
    '- **One covariance.** The kernel sums every outcome indicator of every arm and every product of two, giving the means and their full covariance across profiles in one pass (only indicators that are 1 in a trial are multiplied).',
    '- **Resampled payoffs.** Payoff matrices are redrawn from the normal law of the means with that covariance (Cholesky, clipped to [0, 1]) and the payoffs recomputed, credibility included. Each payoff’s ± is the spread of its draws, its interval their 2.5–97.5% quantiles; “holds in x% of resamples” is the share of draws in which a profile (or a mix on the same supports) is still an equilibrium; a Pareto improvement’s probability likewise.',
    '- **Equilibria.** Pure equilibria by checking every profile (weakly: ties count); mixed ones by support enumeration over supports of equal size (the mix that makes the opponent indifferent over its support, with nothing outside doing better). A test checks a 2 × 2 game of closed-form outcomes (scenarios/analytic-game.yaml): its two pure equilibria and the mixed one, inside their intervals.',
    '- **Parameter uncertainty.** With an `uncertainty` block, `petrov game` (by default 20 parameter sets of 200 trials; `--parameter-sets 0` turns it off) draws parameter sets by the uncertainty study’s low-discrepancy design, applies each through the one patcher (its `game` block too, so uncertain costs work), plays every profile at the set on common random numbers and on trials of its own, and resamples that set’s payoffs as above. A profile’s P(equilibrium) under parameter uncertainty is the mean over sets of its resampled share, ± the standard error over the sets; beside it, the share of sets whose pure equilibria are the baseline’s. `test/game-parameters.test.ts` checks it against a closed form: a 2 × 2 game where one rate’s range straddles the value at which an equilibrium disappears, so P(equilibrium) is the share of the range on its side.',
    '',
    '## Limits',
    '',
    '- General war and accidental use are shared events: both players weigh the same one, each with its own cost. Only the unanswered attack is split by side (whose side was attacked); general war is not split by who escalated, since both sides suffer it.',
    '- Within a parameter set, resampling is Monte Carlo error only: a credibility estimated at exactly 0 or 1 has no spread in the draws even though its Wilson interval is not a point. Across sets the parameters move it. The sets are few (20 by default) and small (200 trials), so a profile’s P(equilibrium) under parameter uncertainty has a standard error of several points, and mixed equilibria are not followed across sets.',
    '- Ties are not handled beyond weak pure equilibria. A game with strategies that change nothing in a scenario (e.g. the AI mode where the AI covers no deciding domain) is degenerate: its tied profiles are all weak equilibria, and its mixed equilibria can form a continuum, which no finite list covers. Support enumeration solves only supports of equal size with a unique solution, so it skips tied (singular) supports: the pure equilibria of such a game are all listed, its mixed ones may be missing. `petrov game` says so when it finds none.',
    '- The agreement is one-shot with a fixed penalty: no repeated play, no reaction of the other side to a detected breach beyond the penalty.',
    '',
    '## The Korean case',
    '',
    '### As declared',
    '',
    `${b.profiles.length} profiles, ${b.runs.toLocaleString('en')} trials each (and as many in each strike variant).`,
    '',
    ...equilibria(b),
    '',
    agreement(b),
    '',
    ...profileTable(b),
    '',
    '### Under parameter uncertainty',
    '',
    ...parameterSection(b),
    '',
    `### With a verified surviving command (\`comms.survivingCommand = ${SURVIVING}\` on both sides)`,
    '',
    'A provision that makes a successor authority survive a disarming strike lets an answer come from command rather than from pre-delegated forces:',
    '',
    ...equilibria(v),
    '',
    agreement(v),
    '',
    comparison(b, v),
    '',
    '## Reproduce',
    '',
    `    petrov game scenarios/korean-peninsula-2026.yaml --runs ${budget.runs} --parameter-sets ${budget.parameterSets} --parameter-runs ${budget.parameterRuns}`,
    `    petrov game scenarios/korean-peninsula-2026.yaml --runs ${budget.runs} --parameter-sets 0 --set actors.north.comms.survivingCommand=${SURVIVING} --set actors.south.comms.survivingCommand=${SURVIVING}`,
  ].join('\n')}\n`;
}
