/**
 * Receives each event of a traced trial. Arguments are numbers so the untraced hot loop allocates
 * nothing; `TraceKind` in codes.ts says what x, y and z mean for each kind. `chain` identifies the
 * causal chain the event belongs to (one per originating event).
 */
export interface Recorder {
  record(
    time: number,
    kind: number,
    actor: number,
    x: number,
    y: number,
    z: number,
    chain: number,
  ): void;
}
