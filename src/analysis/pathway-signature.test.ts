import { describe, expect, it } from 'vitest';
import { DecisionOutcome, TraceKind } from '../engine/index.ts';
import { pathwaySignature, type RawEvent } from './pathway-signature.ts';

const ev = (kind: number, actor: number, x: number, y: number, z: number, chain: number) =>
  ({ kind, actor, x, y, z, chain }) satisfies RawEvent;

// Chain 1: a sensor false alarm raises north to a nuclear alert (rung 4). Chain 2: a long outage
// read as decapitation, with pre-delegation, takes north from there to use.
const falseAlarm = [
  ev(TraceKind.track, 0, 0, 2, 0, 1),
  ev(TraceKind.labelHostile, 0, 0, 0.97, 1, 1),
  ev(TraceKind.decision, 0, DecisionOutcome.approved, 2, 10, 1),
  ev(TraceKind.rungChange, 0, 0, 4, 1, 1),
];
const misread = [
  ev(TraceKind.decapitationMisread, 0, 1, 0, 0, 2),
  ev(TraceKind.rungChange, 0, 4, 5, 4, 2),
  ev(TraceKind.nuclearUse, 0, 5, 4, 0, 2),
];

describe('pathwaySignature', () => {
  it('puts the chain that raised the user to the rung it acted from before the trigger', () => {
    expect(pathwaySignature([...falseAlarm, ...misread], ['north'])).toBe(
      'north: sensor false alarm (ballistic) → AI hostile ≥95% → human approves ≤3 min (window ≤10 min) → north to nuclear alert ⇒ read as decapitation, pre-delegated → north to limited nuclear use → north NUCLEAR USE',
    );
  });

  it('shows one chain when the trigger raised the user itself', () => {
    const direct = [...falseAlarm.slice(0, 3), ev(TraceKind.rungChange, 0, 0, 5, 1, 1)];
    const signature = pathwaySignature([...direct, ev(TraceKind.nuclearUse, 0, 5, 1, 0, 1)], ['n']);
    expect(signature).not.toContain('⇒');
    expect(signature).toMatch(/^n: sensor false alarm/);
  });

  it('is empty without a use', () => {
    expect(pathwaySignature(falseAlarm, ['north'])).toBe('');
  });
});
