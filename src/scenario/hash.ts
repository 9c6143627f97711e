import { createHash } from 'node:crypto';

/**
 * sha256 of canonical JSON (sorted keys), so key order in the file never changes the hash. Actor
 * fields added after runs were stored are left out while they hold a default that changes nothing
 * (`NEUTRAL_ACTOR_FIELDS`: the doctrine agent, no coincidence rule, no disarming strike, no
 * surviving command), so
 * scenarios hash as they did before those fields existed and stored runs and golden files stay
 * comparable. The `uncertainty` and `game` blocks are left out too: they change no model, so
 * declaring ranges or a game keeps a scenario's runs comparable (studies report what they used).
 */
export function hashScenario(value: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(withoutUncertainty(withoutNeutralDefaults(value))))
    .digest('hex');
}

/** Actor fields (a path inside the actor) and the default value at which they change nothing. */
const NEUTRAL_ACTOR_FIELDS: readonly (readonly [readonly string[], unknown])[] = [
  [['agent'], { type: 'doctrine' }],
  [['disarmingStrike'], { ratePerDay: 0 }],
  [['coincidence'], { windowMinutes: 0, confidenceBoost: 0, responseSteps: 0 }],
  [['comms', 'survivingCommand'], 0],
];

function withoutUncertainty(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (!('uncertainty' in value) && !('game' in value)) return value;
  // The game declaration changes no model either: profiles hash as the scenarios they are.
  const { uncertainty: _ignored, game: _game, ...rest } = value as Record<string, unknown>;
  return rest;
}

function withoutNeutralDefaults(value: unknown): unknown {
  if (!isRecord(value) || !isRecord(value.actors)) return value;
  const kept = Object.fromEntries(
    Object.entries(value.actors).map(([id, actor]) => [
      id,
      NEUTRAL_ACTOR_FIELDS.reduce((a, [path, neutral]) => withoutIf(a, path, neutral), actor),
    ]),
  );
  return { ...value, actors: kept };
}

/** `value` without the field at `path` when it equals `neutral` (a copy; the input is untouched). */
function withoutIf(value: unknown, path: readonly string[], neutral: unknown): unknown {
  if (!isRecord(value) || !(path[0] in value)) return value;
  const [key, ...rest] = path;
  if (rest.length > 0) return { ...value, [key]: withoutIf(value[key], rest, neutral) };
  if (canonicalJson(value[key]) !== canonicalJson(neutral)) return value;
  const { [key]: _dropped, ...others } = value;
  return others;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
