import type { ArmResult, VariantResult } from '../analysis/index.ts';
import type { ComparisonResult } from '../runner/index.ts';
import { CAUSES } from '../scenario/index.ts';
import { columns, type Cell, type DataTable } from './data-table.ts';
import { estimateCells, estimateColumns } from './estimate-cells.ts';

/**
 * One row per arm, the baseline first: its P(nuclear use) and by cause, and for a variant its
 * paired risk ratio and absolute risk reduction against the baseline (empty for the baseline).
 */
export function compareTable(result: ComparisonResult): DataTable {
  const arms: readonly (ArmResult | VariantResult)[] = [result.baseline, ...result.variants];
  const rows = arms.map((arm): Cell[] => {
    const paired: Cell[] =
      'absoluteRiskReduction' in arm
        ? [
            arm.riskRatio?.estimate ?? null,
            arm.riskRatio?.ci95[0] ?? null,
            arm.riskRatio?.ci95[1] ?? null,
            arm.absoluteRiskReduction.estimate,
            arm.absoluteRiskReduction.stderr,
            arm.absoluteRiskReduction.ci95[0],
            arm.absoluteRiskReduction.ci95[1],
            arm.independentStderr,
          ]
        : new Array<Cell>(8).fill(null);
    return [
      arm.name,
      arm.safeguards.join(' '),
      arm.hash,
      ...estimateCells(arm.nuclearUse),
      ...paired,
      ...CAUSES.flatMap((c) => estimateCells(arm.byCause[c])),
    ];
  });
  return {
    columns: [
      ...columns(['arm', 'string'], ['safeguards', 'string'], ['scenario_hash', 'string']),
      ...estimateColumns('p'),
      ...columns(
        ['risk_ratio', 'number'],
        ['risk_ratio_ci_low', 'number'],
        ['risk_ratio_ci_high', 'number'],
        ['risk_reduction', 'number'],
        ['risk_reduction_stderr', 'number'],
        ['risk_reduction_ci_low', 'number'],
        ['risk_reduction_ci_high', 'number'],
        ['independent_stderr', 'number'],
      ),
      ...CAUSES.flatMap((c) => estimateColumns(`p_${c}`)),
    ],
    rows,
  };
}
