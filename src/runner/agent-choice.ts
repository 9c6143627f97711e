import type { AgentType, LlmConfig, ResolvedScenario } from '../scenario/index.ts';
import type { Issue, Result } from '../util/index.ts';

/**
 * Who may be put in a side's chair by a run request (`agents` in `POST /api/runs`, `--agent
 * SIDE=KIND` on `petrov run`): the doctrine agent, the scenario's own scripted table, or the
 * language model that whoever runs the program configured (its elicited policy).
 */
export const AGENT_CHOICES = ['doctrine', 'scripted', 'llm'] as const;
export type AgentChoice = (typeof AGENT_CHOICES)[number];

/** The model a run may put in a chair: set by whoever starts the program, never by a request. */
export interface ConfiguredModel {
  readonly model: string;
  readonly baseUrl: string;
  readonly apiKeyEnv: string;
}

/** Parses `SIDE=KIND` (`--agent north=doctrine`), or says why it cannot. */
export function parseAgentChoice(text: string): { actor: string; kind: AgentChoice } | string {
  const m = /^([a-z][a-z0-9_]*)=([a-z]+)$/.exec(text);
  if (m === null) return `expected SIDE=KIND (KIND one of ${AGENT_CHOICES.join(', ')})`;
  const kind = m[2] as AgentChoice;
  if (!AGENT_CHOICES.includes(kind)) {
    return `unknown agent '${m[2]}': expected one of ${AGENT_CHOICES.join(', ')}`;
  }
  return { actor: m[1], kind };
}

/** What each actor's picker may offer on this scenario (scripted only where it has a table). */
export function agentChoicesOf(
  scenario: ResolvedScenario,
  modelConfigured: boolean,
): Record<string, AgentChoice[]> {
  return Object.fromEntries(
    Object.entries(scenario.actors).map(([id, actor]) => [
      id,
      AGENT_CHOICES.filter(
        (k) =>
          k === 'doctrine' ||
          (k === 'scripted' && actor.agent.type === 'scripted') ||
          (k === 'llm' && modelConfigured),
      ),
    ]),
  );
}

/**
 * The `path=value` changes (`actors.<id>.agent=...`, for the one patcher) that give each actor
 * its chosen agent, and every language-model side of the result with the configured model put in
 * (whatever endpoint the scenario text names: a request never chooses where calls go). Issues
 * name `field.<id>`, or the scenario's agent field for an `llm` side it declares itself.
 */
export function agentChoiceSets(
  scenario: ResolvedScenario,
  choices: Readonly<Record<string, AgentChoice>>,
  model: ConfiguredModel | undefined,
  field: string,
  /** Why a language model cannot be had here, e.g. how to configure one. */
  noModel: string,
): Result<{ sets: string[]; llmSides: string[] }> {
  const issues: Issue[] = [];
  const sets: string[] = [];
  const llmSides: string[] = [];
  const ids = Object.keys(scenario.actors);
  for (const [id, kind] of Object.entries(choices)) {
    if (!ids.includes(id)) {
      issues.push({
        path: `${field}.${id}`,
        message: `no actor ${id} (actors: ${ids.join(', ')})`,
      });
      continue;
    }
    const declared = scenario.actors[id].agent.type;
    if (kind === 'scripted' && declared !== 'scripted') {
      issues.push({
        path: `${field}.${id}`,
        message: `the scenario gives ${id} no scripted table (its agent is ${declared}): declare actors.${id}.agent with type scripted (docs/agents.md)`,
      });
    } else if (kind === 'doctrine' && declared !== 'doctrine') {
      sets.push(`actors.${id}.agent={type: doctrine}`);
    }
  }
  for (const id of ids) {
    const declared: AgentType = scenario.actors[id].agent.type;
    const chosen = choices[id];
    if (chosen !== 'llm' && (chosen !== undefined || declared !== 'llm')) continue;
    const path = chosen === 'llm' ? `${field}.${id}` : `actors.${id}.agent.type`;
    if (model === undefined) {
      issues.push({ path, message: `${id} is to be played by a language model, but ${noModel}` });
      continue;
    }
    llmSides.push(id);
    const own = declared === 'llm' ? (scenario.actors[id].agent as LlmConfig) : { type: 'llm' };
    const agent = {
      ...own,
      model: model.model,
      baseUrl: model.baseUrl,
      apiKeyEnv: model.apiKeyEnv,
    };
    sets.push(`actors.${id}.agent=${JSON.stringify(agent)}`);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { sets, llmSides } };
}
