import {
  agentsFor,
  decisionRecordingSchema,
  RecordingAgent,
  ReplayAgent,
  ReplayMismatchError,
  ReplayScript,
  type DecisionRecording,
  type RecordedDecision,
} from '../agents/index.ts';
import { compileModel } from '../engine/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { InputError, type Issue } from '../util/index.ts';
import { traceTrial, type TraceResult } from './trace.ts';

/** Traces a trial and records every decision in it, for `replayedTrace` or another tool. */
export function recordedTrace(
  loaded: LoadedScenario,
  seed: number,
  trial: number,
): { trace: TraceResult; recording: DecisionRecording } {
  const model = compileModel(loaded.scenario);
  const log: RecordedDecision[] = [];
  const agents = agentsFor(loaded.scenario, model).map(
    (a, i) => new RecordingAgent(a, model.actorIds[i], log),
  );
  const trace = traceTrial(loaded, seed, trial, agents);
  return {
    trace,
    recording: {
      format: 'petrov-decisions/1',
      scenarioHash: loaded.hash,
      seed,
      trial,
      decisions: log,
    },
  };
}

/**
 * Traces the trial a recording was made of, every decision played back from it (`source` names
 * the recording in messages). A recording of another scenario, or one whose decision points
 * differ from the trial's, is refused as input.
 */
export function replayedTrace(loaded: LoadedScenario, data: unknown, source: string): TraceResult {
  const parsed = decisionRecordingSchema.safeParse(data);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues.map((i): Issue => ({
        source,
        path: i.path.map(String).join('.'),
        message: i.message,
      })),
    );
  }
  const recording = parsed.data;
  if (recording.scenarioHash !== loaded.hash) {
    throw new InputError([
      {
        source,
        path: 'scenarioHash',
        message: `recorded on scenario ${recording.scenarioHash.slice(0, 12)}, not this one (${loaded.hash.slice(0, 12)})`,
      },
    ]);
  }
  const model = compileModel(loaded.scenario);
  const script = new ReplayScript(recording.decisions);
  const agents = model.actorIds.map((id) => new ReplayAgent(script, id));
  try {
    const trace = traceTrial(loaded, recording.seed, recording.trial, agents);
    if (!script.finished) {
      throw new ReplayMismatchError(
        `the trial asked ${script.position} decisions, the recording has ${recording.decisions.length}`,
      );
    }
    return trace;
  } catch (error) {
    if (!(error instanceof ReplayMismatchError)) throw error;
    throw new InputError([{ source, path: 'decisions', message: error.message }]);
  }
}
