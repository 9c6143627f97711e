import type { GameResult } from '../analysis/index.ts';
import { columns, type DataTable } from './data-table.ts';
import { estimateCells, estimateColumns } from './estimate-cells.ts';

/** One row per profile: outcomes, credibility, both payoffs and P(equilibrium), for --format csv. */
export function gameTable(result: GameResult): DataTable {
  const [first, second] = result.players;
  const deterrence = result.deterrence !== null;
  const payoff = (prefix: string) =>
    ['', '_stderr', '_ci_low', '_ci_high'].map((s) => [`${prefix}${s}`, 'number'] as const);
  return {
    columns: [
      ...columns([`${first}_strategy`, 'string'], [`${second}_strategy`, 'string']),
      ...estimateColumns('accidental_use'),
      ...estimateColumns('general_war'),
      ...estimateColumns('unanswered_attack'),
      ...estimateColumns(`unanswered_on_${first}`),
      ...estimateColumns(`unanswered_on_${second}`),
      ...(deterrence
        ? [...estimateColumns(`${first}_credibility`), ...estimateColumns(`${second}_credibility`)]
        : []),
      ...columns(...payoff(`${first}_payoff`), ...payoff(`${second}_payoff`)),
      ...columns(['pure_equilibrium', 'number'], ['equilibrium_probability', 'number']),
      // Empty without parameter uncertainty (none declared, or --parameter-sets 0).
      ...columns(
        ['parameter_equilibrium_probability', 'number'],
        ['parameter_equilibrium_probability_stderr', 'number'],
      ),
    ],
    rows: result.profiles.map((p) => [
      p.strategies[0],
      p.strategies[1],
      ...estimateCells(p.outcomes.accidentalUse),
      ...estimateCells(p.outcomes.generalWar),
      ...estimateCells(p.outcomes.unansweredAttack),
      ...estimateCells(p.unansweredOn[0]),
      ...estimateCells(p.unansweredOn[1]),
      ...(p.credibility
        ? [...estimateCells(p.credibility[0]), ...estimateCells(p.credibility[1])]
        : []),
      ...p.payoffs.flatMap((u) => [u.estimate, u.stderr, u.ci95[0], u.ci95[1]]),
      p.equilibrium ? 1 : 0,
      p.equilibriumProbability,
      p.parameterEquilibriumProbability?.estimate ?? null,
      p.parameterEquilibriumProbability?.stderr ?? null,
    ]),
  };
}
