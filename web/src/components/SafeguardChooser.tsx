import type { SafeguardListing } from '../api/types.ts';
import { words } from '../format/number.ts';

interface Props {
  readonly safeguards: readonly SafeguardListing[];
  /** The scenario's actors: with two or more, each safeguard can apply to one of them only. */
  readonly actors: readonly string[];
  /** Chosen safeguards as the API takes them: `name` (every actor it applies to) or `name:actor`. */
  readonly chosen: readonly string[];
  readonly onChange: (chosen: string[]) => void;
  readonly legend: string;
}

const nameOf = (choice: string) => choice.split(':')[0];

/**
 * Checkboxes for the safeguards a scenario offers (built-in and its own), with what each does, and
 * for each chosen one which side it applies to.
 */
export function SafeguardChooser({ safeguards, actors, chosen, onChange, legend }: Props) {
  const choiceOf = (name: string) => chosen.find((c) => nameOf(c) === name);
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...chosen, name] : chosen.filter((c) => nameOf(c) !== name));
  const scope = (name: string, actor: string) =>
    onChange(chosen.map((c) => (nameOf(c) === name ? (actor ? `${name}:${actor}` : name) : c)));
  return (
    <fieldset className="safeguards" data-testid="safeguard-chooser">
      <legend>{legend}</legend>
      {safeguards.length === 0 && <p className="hint">No safeguards (the scenario is invalid).</p>}
      {safeguards.map((s) => {
        const choice = choiceOf(s.name);
        return (
          <div key={s.name} className="safeguard">
            <label className="check" title={s.description}>
              <input
                type="checkbox"
                value={s.name}
                checked={choice !== undefined}
                onChange={(event) => toggle(s.name, event.target.checked)}
              />
              <span>
                <strong>{words(s.name.replaceAll('-', ' '))}</strong>
                <span className="hint"> — {s.description}</span>
              </span>
            </label>
            {actors.length > 1 && choice !== undefined && (
              <select
                aria-label={`who ${words(s.name.replaceAll('-', ' '))} applies to`}
                data-testid={`scope-${s.name}`}
                value={choice.split(':')[1] ?? ''}
                onChange={(event) => scope(s.name, event.target.value)}
              >
                <option value="">every side it applies to</option>
                {actors.map((a) => (
                  <option key={a} value={a}>
                    {a} only
                  </option>
                ))}
              </select>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
