import { createHash } from 'node:crypto';

/**
 * sha256 of canonical JSON (sorted keys), so key order in the file never changes the hash. An
 * actor's agent is left out while it is the default doctrine agent, so scenarios hash as they did
 * before agents could be named (stored runs and golden files stay comparable). The `uncertainty`
 * and `game` blocks are left out too: they change no model, so declaring ranges keeps a scenario's runs
 * comparable (studies report the distributions they used).
 */
export function hashScenario(value: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(withoutUncertainty(withoutDefaultAgents(value))))
    .digest('hex');
}

function withoutUncertainty(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (!('uncertainty' in value) && !('game' in value)) return value;
  // The game declaration changes no model either: profiles hash as the scenarios they are.
  const { uncertainty: _ignored, game: _game, ...rest } = value as Record<string, unknown>;
  return rest;
}

function withoutDefaultAgents(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !('actors' in value)) return value;
  const actors = value.actors;
  if (actors === null || typeof actors !== 'object') return value;
  const kept = Object.fromEntries(
    Object.entries(actors).map(([id, actor]: [string, unknown]) => {
      if (actor === null || typeof actor !== 'object' || !('agent' in actor)) return [id, actor];
      const { agent, ...rest } = actor as { agent: unknown };
      return [id, canonicalJson(agent) === DEFAULT_AGENT ? rest : actor];
    }),
  );
  return { ...value, actors: kept };
}

const DEFAULT_AGENT = canonicalJson({ type: 'doctrine' });

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
