import { Count, type Simulator } from '../src/engine/index.ts';

/** Sums of one chunk of trials: uses, every event, benign tracks (counted, never handled). */
export function engineChunk(sim: Simulator, from: number, to: number, sums: Float64Array): void {
  for (let t = from; t < to; t++) {
    const o = sim.run(1, t);
    sums[0] += o.nuclearUse;
    sums[1] += o.counts[Count.events];
    sums[2] += o.counts[Count.tracks] - o.counts[Count.hostileLabels];
  }
}
