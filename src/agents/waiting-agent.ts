import type { ChoiceName, ObservationSnapshot } from '../engine/index.ts';

/** What an agent that must wait answers (the port's Decision, by name). */
export interface WaitingAnswer {
  readonly choice: ChoiceName;
  /** Minutes the decision took (alerts); default 0. */
  readonly minutes?: number;
  /** Approved against its own doubt, deferring to the machine; default false. */
  readonly deferredToMachine?: boolean;
  readonly reason?: string;
}

/**
 * A decision-maker that cannot answer at once — a person at a keyboard, a remote language model.
 * It gets a detached copy of the observation and may take its time; the episode driver
 * (runner/episode.ts) runs its trial around it. It states no probabilities, so importance
 * sampling cannot weigh it.
 */
export interface WaitingAgent {
  readonly name: string;
  decide(observation: ObservationSnapshot): Promise<WaitingAnswer>;
}
