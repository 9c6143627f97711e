import { describe, expect, it } from 'vitest';
import { playOnLoopback } from '../../bench/tabletop-players.ts';

describe('tabletop on loopback', () => {
  it('30 players in 15 exercises on one server: every one sees every update and its end', async () => {
    const result = await playOnLoopback(15);
    expect(result.players).toBe(30);
    expect(result.ended).toBe(30);
    expect(result.missed).toBe(0);
    // Every decision was answered and seen answered by the player who made it.
    expect(result.answered).toBeGreaterThan(15);
    expect(result.latenciesMs.length).toBe(result.answered);
    // Each player sees its first view, the start, the end and each decision of its exercise
    // asked and answered (its own and the other seat's): no update merged away or repeated.
    expect(result.updates).toBe(30 * 3 + 2 * 2 * result.answered);
  });
});
