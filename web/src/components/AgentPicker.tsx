import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { AgentChoice, AgentsInfo, ScenarioRef } from '../api/types.ts';

interface Props {
  readonly scenario: ScenarioRef;
  /** False while the editor's text is invalid or not yet checked: nothing is asked then. */
  readonly ready: boolean;
  /** The sides given another agent than the scenario's own. */
  readonly value: Readonly<Record<string, AgentChoice>>;
  readonly onChange: (value: Record<string, AgentChoice>) => void;
}

const LABELS: Readonly<Record<AgentChoice, string>> = {
  doctrine: 'doctrine (its human and authority model)',
  scripted: 'scripted (the scenario’s table)',
  llm: 'language model (its elicited policy)',
};

/**
 * A choice per side of who decides for it: the doctrine agent, the scenario's scripted table
 * (where it has one), or the language model this server was started with (where it has one).
 */
export function AgentPicker({ scenario, ready, value, onChange }: Props) {
  const [info, setInfo] = useState<AgentsInfo | null>(null);

  useEffect(() => {
    if (!ready) return;
    let live = true;
    api.agents(scenario).then(
      (i) => live && setInfo(i),
      () => live && setInfo(null),
    );
    return () => {
      live = false;
    };
  }, [scenario, ready]);

  // A choice the scenario now in the editor cannot take (another actor, no table) is dropped.
  useEffect(() => {
    if (info === null) return;
    const kept = Object.entries(value).filter(([a, k]) => info.choices[a]?.includes(k));
    if (kept.length !== Object.keys(value).length) onChange(Object.fromEntries(kept));
  }, [info, value, onChange]);

  if (info === null) return null;
  const choose = (actor: string, kind: string) => {
    const next = { ...value };
    if (kind === '') delete next[actor];
    else next[actor] = kind as AgentChoice;
    onChange(next);
  };
  return (
    <fieldset className="agents" data-testid="agent-picker">
      <legend>Who decides for each side</legend>
      {Object.entries(info.choices).map(([actor, kinds]) => (
        <label key={actor}>
          {actor}
          <select
            data-testid={`agent-${actor}`}
            value={value[actor] ?? ''}
            onChange={(event) => choose(actor, event.target.value)}
          >
            <option value="">as the scenario says ({info.declared[actor]})</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {LABELS[k]}
              </option>
            ))}
          </select>
        </label>
      ))}
      <p className="hint" data-testid="agent-model">
        {info.model === null
          ? 'No language model on this server: whoever starts it can give one with petrov serve --llm-url URL --llm-model NAME.'
          : `Language model: ${info.model.name}, at most ${info.model.maxCalls.toLocaleString('en-US')} calls per run (set by whoever started the server).`}
      </p>
    </fieldset>
  );
}
