import type { SafeguardListing } from '../api/types.ts';
import { words } from '../format/number.ts';

interface Props {
  readonly safeguards: readonly SafeguardListing[];
  readonly chosen: readonly string[];
  readonly onChange: (chosen: string[]) => void;
  readonly legend: string;
}

/** Checkboxes for the safeguards a scenario offers (built-in and its own), with what each does. */
export function SafeguardChooser({ safeguards, chosen, onChange, legend }: Props) {
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...chosen, name] : chosen.filter((n) => n !== name));
  return (
    <fieldset className="safeguards" data-testid="safeguard-chooser">
      <legend>{legend}</legend>
      {safeguards.length === 0 && <p className="hint">No safeguards (the scenario is invalid).</p>}
      {safeguards.map((s) => (
        <label key={s.name} className="check" title={s.description}>
          <input
            type="checkbox"
            value={s.name}
            checked={chosen.includes(s.name)}
            onChange={(event) => toggle(s.name, event.target.checked)}
          />
          <span>
            <strong>{words(s.name.replaceAll('-', ' '))}</strong>
            <span className="hint"> — {s.description}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
