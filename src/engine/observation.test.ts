import { describe, expect, it } from 'vitest';
import { ObservationState, observationOf, SeenKind, snapshotObservation } from './observation.ts';

describe('observationOf', () => {
  it('gives back the observation a snapshot was taken of, recent events included', () => {
    const o = new ObservationState(2);
    o.see(1, 3, SeenKind.alert, 2);
    o.see(1, 4, SeenKind.decision, 1);
    o.begin(0, 1, 5, 2);
    o.confidence = 0.8;
    o.windowMinutes = 12;
    const snapshot = snapshotObservation(o);
    const back = observationOf(snapshot);
    expect(snapshotObservation(back)).toEqual(snapshot);
    expect(back.recentCount).toBe(2);
    expect([back.recentKind(1), back.recentMinute(1), back.recentValue(1)]).toEqual([
      SeenKind.decision,
      4,
      1,
    ]);
  });
});
