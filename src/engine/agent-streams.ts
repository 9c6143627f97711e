import { CounterStream, normalFrom } from '../random/index.ts';
import { Stream } from './event-marks.ts';

/**
 * Each actor's agent stream: the draws of choices that have no event marks (answers to perceived
 * rises), keyed by (seed, trial, actor) on first use in a trial, so most trials never hash it.
 */
export class AgentStreams {
  private readonly streams: CounterStream[];
  /** Uniforms read from each stream this trial; -1 before it is keyed. */
  private readonly drawn: Int32Array;
  private seed = 0;
  private trial = 0;
  private offset = 0;

  constructor(actorCount: number) {
    this.streams = Array.from({ length: actorCount }, () => new CounterStream());
    this.drawn = new Int32Array(actorCount).fill(-1);
  }

  /** A new trial (or a branch, `offset` > 0): every stream is keyed again on its first use. */
  restart(seed: number, trial: number, offset = 0): void {
    this.seed = seed;
    this.trial = trial;
    this.offset = offset;
    for (let a = 0; a < this.drawn.length; a++) this.drawn[a] = -1;
  }

  /** The next uniform of actor a's stream. */
  uniform(a: number): number {
    if (this.drawn[a] < 0) {
      this.streams[a].reseed(this.seed, this.trial, Stream.firstAgent + a + this.offset);
      this.drawn[a] = 0;
    }
    return this.streams[a].uniform(this.drawn[a]++);
  }

  /** A standard normal from actor a's stream. */
  normal(a: number): number {
    const u = this.uniform(a);
    return normalFrom(u, this.uniform(a));
  }
}
