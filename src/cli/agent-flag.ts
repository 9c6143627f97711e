import { InvalidArgumentError } from 'commander';
import { agentChoiceSets, parseAgentChoice, type AgentChoice } from '../index.ts';
import { loadForCommand, orThrow } from './arguments.ts';

export const AGENT_HELP =
  'who decides for a side, SIDE=KIND with KIND doctrine, scripted (the scenario’s table) or llm (repeatable) (default: the scenario’s own agent)';

/** Why `petrov run` cannot have a language-model side: the Monte Carlo cannot wait for one. */
const NO_MODEL_HERE =
  '`petrov run` cannot wait for a model: use `petrov agents policy` or `petrov agents episode` (or `petrov serve --llm-url`)';

/** Parses one `--agent SIDE=KIND` into the map of choices so far. */
export function agentFlag(
  value: string,
  previous: Record<string, AgentChoice> = {},
): Record<string, AgentChoice> {
  const parsed = parseAgentChoice(value);
  if (typeof parsed === 'string') throw new InvalidArgumentError(parsed);
  return { ...previous, [parsed.actor]: parsed.kind };
}

/** `--set` changes with the `--agent` choices added, as `actors.<id>.agent=...` for the one patcher. */
export function withAgentSets(
  file: string,
  sets: readonly string[] = [],
  agents: Readonly<Record<string, AgentChoice>> = {},
): string[] {
  if (Object.keys(agents).length === 0) return [...sets];
  const { scenario } = loadForCommand(file, sets);
  const chosen = orThrow(agentChoiceSets(scenario, agents, undefined, '--agent', NO_MODEL_HERE));
  return [...sets, ...chosen.sets];
}
