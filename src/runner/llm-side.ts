import { withChanges, type LlmConfig, type LoadedScenario } from '../scenario/index.ts';
import type { Result } from '../util/index.ts';

/** Fields of an `llm` agent the command line may set over the scenario's. */
export type LlmOverrides = Partial<
  Pick<
    LlmConfig,
    'model' | 'baseUrl' | 'replicates' | 'temperature' | 'seed' | 'timeoutSeconds' | 'retries'
  >
>;

/**
 * The scenario with `actor` played by a language model: its own `llm` agent with the overrides,
 * or (when it names another agent) a new `llm` agent from them, validated like any scenario.
 */
export function withLlmSide(
  loaded: LoadedScenario,
  actor: string,
  overrides: LlmOverrides,
): Result<{ loaded: LoadedScenario; config: LlmConfig }> {
  if (!(actor in loaded.scenario.actors)) {
    return {
      ok: false,
      issues: [
        {
          path: '--actor',
          message: `no actor ${actor} in the scenario (it has ${Object.keys(loaded.scenario.actors).join(', ')})`,
        },
      ],
    };
  }
  const current = loaded.scenario.actors[actor].agent;
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const agent = current.type === 'llm' ? { ...current, ...defined } : { type: 'llm', ...defined };
  const r = withChanges(loaded, [{ path: ['actors', actor, 'agent'], value: agent }], '--actor');
  if (!r.ok) return r;
  return {
    ok: true,
    value: { loaded: r.value, config: r.value.scenario.actors[actor].agent as LlmConfig },
  };
}
