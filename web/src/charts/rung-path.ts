import type { TraceResult } from '../api/types.ts';

/** One point of an actor's path up and down the ladder: from `day` on, it sits on `rung`. */
export interface RungPoint {
  readonly actor: string;
  readonly day: number;
  readonly rung: string;
}

/**
 * Each actor's rung over a traced crisis, as steps: its initial rung at day 0, every change of
 * rung, and where it stood when the trial ended (so the last step reaches the end).
 */
export function rungPath(trace: TraceResult): RungPoint[] {
  const end = trace.events.length > 0 ? trace.events[trace.events.length - 1].minute / 1440 : 0;
  const points: RungPoint[] = [];
  const current = new Map<string, string>();
  for (const [actor, rung] of Object.entries(trace.initialRung)) {
    points.push({ actor, day: 0, rung });
    current.set(actor, rung);
  }
  for (const e of trace.events) {
    if (e.rung === undefined || e.actor === null) continue;
    points.push({ actor: e.actor, day: e.minute / 1440, rung: e.rung.to });
    current.set(e.actor, e.rung.to);
  }
  for (const [actor, rung] of current) points.push({ actor, day: end, rung });
  return points;
}
