import { z } from 'zod';
import { ratePerDay } from './field-builders.ts';

/** A declared deliberate disarming strike (M5), an actor field. */
export const disarmingStrike = z
  .strictObject({
    ratePerDay: ratePerDay(
      'Deliberate disarming strikes on the other side per day (the first counts); 0: none unless `atDay` is set.',
    ).default(0),
    atDay: z
      .number()
      .min(0)
      .max(3660)
      .optional()
      .describe('A strike at this day of the crisis instead of at a rate (default: none).'),
  })
  .prefault({})
  .describe(
    'A declared deliberate nuclear strike on the other side (cause `deliberate`): its warning chain sees a genuine ballistic attack, and its impact cuts the target’s leadership link for good. Not struck after a first use.',
  );

/** A declared disarming strike needs a target, one way of timing it, and a day inside the crisis. */
export function strikeProblems(
  s: { horizonDays: number; actors: Record<string, { disarmingStrike: Strike }> },
  ctx: z.RefinementCtx,
): void {
  const ids = Object.keys(s.actors);
  for (const id of ids) {
    const strike = s.actors[id].disarmingStrike;
    const path = ['actors', id, 'disarmingStrike'];
    const declared = strike.ratePerDay > 0 || strike.atDay !== undefined;
    if (declared && ids.length < 2) {
      ctx.addIssue({ code: 'custom', path, message: 'a disarming strike needs another side' });
    }
    if (strike.ratePerDay > 0 && strike.atDay !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'atDay'],
        message: 'set either ratePerDay or atDay, not both',
      });
    }
    if (strike.atDay !== undefined && strike.atDay >= s.horizonDays) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'atDay'],
        message: `day ${strike.atDay} is not inside the crisis (horizonDays ${s.horizonDays})`,
      });
    }
  }
}

interface Strike {
  readonly ratePerDay: number;
  readonly atDay?: number | undefined;
}
