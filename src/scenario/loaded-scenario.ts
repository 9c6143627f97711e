import type { ResolvedScenario } from './resolve.ts';

/** A validated scenario plus what identifies it. */
export interface LoadedScenario {
  readonly scenario: ResolvedScenario;
  /** sha256 of the resolved scenario's canonical JSON: equal hashes, equal models. */
  readonly hash: string;
}
