import type { DecisionRecording, FailureReport, LlmAgent } from '../agents/index.ts';
import { estimateProportion, type ProportionEstimate } from '../estimate/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { runEpisode } from './episode.ts';
import type { TrialRecord } from './trial-record.ts';

/** Episode mode's result: each trial asked of the model at every decision, failures counted. */
export interface LlmEpisodesResult {
  readonly actor: string;
  readonly seed: number;
  readonly trials: number;
  readonly nuclearUse: ProportionEstimate;
  /** Trials in which at least one call failed (and got the stated fallback). */
  readonly trialsWithFailure: number;
  /**
   * P(use) with failed calls imputed both ways: at least the trials with use and no failure, at
   * most those with use or a failure (each with its Wilson interval).
   */
  readonly bounds: { readonly lower: ProportionEstimate; readonly upper: ProportionEstimate };
  readonly failures: FailureReport;
  readonly episodes: readonly {
    readonly outcome: TrialRecord;
    readonly recording: DecisionRecording;
  }[];
}

/** Runs trials `first`…`first + trials − 1` with `agent` deciding for `actor`. */
export async function llmEpisodes(
  loaded: LoadedScenario,
  actor: string,
  agent: LlmAgent,
  seed: number,
  first: number,
  trials: number,
): Promise<LlmEpisodesResult> {
  let uses = 0;
  let failed = 0;
  let usesClean = 0;
  let usesOrFailed = 0;
  const episodes = [];
  for (let t = first; t < first + trials; t++) {
    agent.failedThisTrial = false;
    const e = await runEpisode(loaded, seed, t, { [actor]: agent });
    const used = e.outcome.nuclearUse;
    const f = agent.failedThisTrial;
    uses += used ? 1 : 0;
    failed += f ? 1 : 0;
    usesClean += used && !f ? 1 : 0;
    usesOrFailed += used || f ? 1 : 0;
    episodes.push({ outcome: e.outcome, recording: e.recording });
  }
  return {
    actor,
    seed,
    trials,
    nuclearUse: estimateProportion(uses, trials),
    trialsWithFailure: failed,
    bounds: {
      lower: estimateProportion(usesClean, trials),
      upper: estimateProportion(usesOrFailed, trials),
    },
    failures: agent.tally.report(),
    episodes,
  };
}
