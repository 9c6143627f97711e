import { DOMAINS, type ActorCapability, type DomainCapability } from '../index.ts';
import { formatInteger } from './format.ts';

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const LIMIT: Record<DomainCapability['limitedBy'], string> = {
  compute: 'compute',
  data: 'too little data',
  shift: 'data from elsewhere',
};

/** Significant figures for big counts and FLOP: 70,200,000,000 → 7.02e10. */
function big(x: number): string {
  if (!Number.isFinite(x)) return '∞';
  return x < 1e7 ? formatInteger(Math.round(x)) : x.toExponential(2).replace('e+', 'e');
}

/** The report of `petrov capability`: one block per actor, one row per domain. */
export function capabilityText(
  actors: readonly ActorCapability[],
  scenario: { name: string; hash: string },
  version: string,
): string {
  const lines = [
    `Petrov ${version} — AI capability (M6): ${scenario.name}`,
    `scenario ${scenario.hash.slice(0, 12)}`,
  ];
  for (const a of actors) {
    lines.push('');
    const who = a.label === null ? a.actor : `${a.actor} — ${a.label}`;
    const covers = a.covered.length === 0 ? 'no AI' : `AI in ${a.covered.join(', ')}`;
    if (a.capability === null || a.training === null) {
      lines.push(`${who}: ${covers}; rates given directly in the scenario (no training block)`);
      lines.push(
        `  ${'domain'.padEnd(11)}${'false pos.'.padStart(11)}${'false neg.'.padStart(12)}`,
      );
      for (const d of a.covered) {
        lines.push(
          `  ${d.padEnd(11)}${pct(a.falsePositive[d]).padStart(11)}${pct(a.falseNegative[d]).padStart(12)}`,
        );
      }
      lines.push(`  median confidence on wrong labels ${a.wrongConfidence.toFixed(2)}`);
      continue;
    }
    const c = a.capability;
    const t = a.training;
    lines.push(`${who}: ${covers}; rates computed from its training`);
    const binds =
      c.binding === 'power'
        ? `the power binds: ${t.power.availableMW} MW runs ${formatInteger(c.powerCap)} at ${formatInteger(Math.round(c.wattsPerAccelerator))} W each`
        : `the accelerators bind: ${t.power.availableMW} MW could run ${formatInteger(c.powerCap)} at ${formatInteger(Math.round(c.wattsPerAccelerator))} W each`;
    lines.push(
      `  accelerators  ${formatInteger(c.requested)} requested, ${formatInteger(c.usable)} usable; ${binds}`,
      `                (board ${t.accelerators.boardPowerW} W × host ${t.accelerators.hostOverhead} × PUE ${t.power.pue})`,
      `  compute       ${big(c.computeFlop)} FLOP = ${formatInteger(c.usable)} × ${t.accelerators.peakTflops} TFLOP/s × ${pct(t.utilisation, 0)} utilisation × ${t.days} days`,
      `  data          ${big(t.data.samples)} labelled samples, ${pct(t.data.simulatedShare, 0)} simulated (worth ${pct(1 - t.data.realismDiscount, 0)} of a recorded one)`,
    );
    const gap = a.wrongConfidence - t.calibratedWrongConfidence;
    lines.push(
      `  wrong labels  median confidence ${t.calibratedWrongConfidence.toFixed(2)} if calibrated, +${gap.toFixed(2)} over-confidence = ${a.wrongConfidence.toFixed(2)}`,
      '',
      `  ${'domain'.padEnd(11)}${'share'.padStart(6)}${'effective data'.padStart(16)}${'shift'.padStart(7)}${'false pos.'.padStart(12)}${'false neg.'.padStart(12)}${'over-conf.'.padStart(12)}  held back most by`,
    );
    for (const d of DOMAINS) {
      const x = c.domains[d];
      const mark = a.covered.includes(d) ? '' : ' (not used: legacy chain)';
      lines.push(
        `  ${d.padEnd(11)}${pct(x.share, 0).padStart(6)}${big(x.effectiveSamples).padStart(16)}${pct(x.shift, 0).padStart(7)}${pct(x.falsePositive).padStart(12)}${pct(x.falseNegative).padStart(12)}${`+${x.calibrationGap.toFixed(2)}`.padStart(12)}  ${LIMIT[x.limitedBy]}${mark}`,
      );
    }
  }
  lines.push(
    '',
    'effective data: samples from the domain (simulated ones discounted) plus other domains’ samples at the',
    '  transfer discount. shift: share of what the model leans on for the domain that is not recorded data',
    '  from it. over-conf.: reported confidence minus accuracy, added to the confidence of wrong labels (the',
    '  engine takes the largest over the domains the AI covers). Equations: docs/capability.md.',
  );
  return `${lines.join('\n')}\n`;
}
