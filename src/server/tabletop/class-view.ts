import { estimateProportion, type ProportionEstimate } from '../../index.ts';
import type { ExerciseRow } from '../../store/index.ts';
import type { ExerciseState } from './exercise-schema.ts';

/** Across a class's exercises: what its players did, against the windows and the model. */
export interface ClassView {
  readonly className: string;
  /** Exercises of the class, and those played to their end (the rest count nowhere below). */
  readonly exercises: number;
  readonly ended: number;
  /** Players' alert decisions on false alarms, and the share they approved. */
  readonly falseAlarms: number;
  readonly approvedFalseAlarms: ProportionEstimate;
  /** Players' decisions, the share that came too late, and each one's time against its limit. */
  readonly decisions: number;
  readonly late: ProportionEstimate;
  readonly times: readonly {
    readonly exercise: string;
    readonly player: string | null;
    readonly point: string;
    readonly seconds: number;
    readonly limitSeconds: number;
    readonly late: boolean;
  }[];
  /** Share of ended exercises with nuclear use: as played, and the same trials played by agents. */
  readonly nuclearUse: ProportionEstimate;
  readonly agentsNuclearUse: ProportionEstimate;
}

export function classView(className: string, rows: readonly ExerciseRow[]): ClassView {
  const states = rows
    .filter((r) => r.status === 'done')
    .map((r) => ({ id: r.id, state: r.state as ExerciseState }))
    .filter((e) => e.state.debrief !== null);
  let falseAlarms = 0;
  let approved = 0;
  let used = 0;
  let agentsUsed = 0;
  const times: ClassView['times'][number][] = [];
  for (const { id, state } of states) {
    const debrief = state.debrief;
    if (debrief === null) continue;
    if (debrief.outcome.nuclearUse) used++;
    if (debrief.agents.nuclearUse) agentsUsed++;
    for (const d of debrief.decisions) {
      if (d.player === null && d.seconds === null) continue;
      if (d.point === 'alert' && d.genuine === false) {
        falseAlarms++;
        if (d.choice === 'approve') approved++;
      }
      times.push({
        exercise: id,
        player: d.player,
        point: d.point,
        seconds: d.seconds ?? 0,
        limitSeconds: d.limitSeconds ?? 0,
        late: d.late,
      });
    }
  }
  const late = times.filter((t) => t.late).length;
  return {
    className,
    exercises: rows.length,
    ended: states.length,
    falseAlarms,
    approvedFalseAlarms: estimateProportion(approved, falseAlarms),
    decisions: times.length,
    late: estimateProportion(late, times.length),
    times,
    nuclearUse: estimateProportion(used, states.length),
    agentsNuclearUse: estimateProportion(agentsUsed, states.length),
  };
}
