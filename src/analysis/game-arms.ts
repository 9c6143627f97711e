import {
  withChanges,
  type GameDeclaration,
  type LoadedScenario,
  type ResolvedScenario,
} from '../scenario/index.ts';
import type { Issue, Result } from '../util/index.ts';
import type { GameLayout } from './game-chunk.ts';

/**
 * Every profile's scenario (the first player's strategy, then the second's, through the one
 * patcher), each followed with deterrence by its two strike variants: the first player, then the
 * second, declares a disarming strike on `strikeDay`. Row-major over profiles; a combination the
 * schema refuses comes back as issues naming the profile.
 */
export function gameArms(
  loaded: LoadedScenario,
  game: GameDeclaration,
): Result<{ layout: GameLayout; scenarios: ResolvedScenario[] }> {
  const scenarios: ResolvedScenario[] = [];
  const issues: Issue[] = [];
  const deterrence = game.deterrence;
  for (const first of game.strategies[0]) {
    for (const second of game.strategies[1]) {
      const source = `game profile ${first.name} × ${second.name}`;
      const changes = [...first.changes, ...second.changes];
      const variants = [changes];
      if (deterrence) {
        for (const striker of game.players) {
          const path = ['actors', striker, 'disarmingStrike', 'atDay'];
          variants.push([...changes, { path, value: deterrence.strikeDay }]);
        }
      }
      for (const variant of variants) {
        const applied = withChanges(loaded, variant, source);
        if (applied.ok) scenarios.push(applied.value.scenario);
        else issues.push(...applied.issues);
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, 20) };
  const profiles = game.strategies[0].length * game.strategies[1].length;
  return { ok: true, value: { layout: { profiles, deterrence: deterrence !== null }, scenarios } };
}
