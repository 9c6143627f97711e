import type { ScenarioListing } from '../api/types.ts';

interface Props {
  readonly scenarios: readonly ScenarioListing[];
  readonly selected: string | null;
  readonly onPick: (name: string) => void;
}

/** The bundled scenarios; picking one loads its YAML into the editor. */
export function ScenarioPicker({ scenarios, selected, onPick }: Props) {
  const current = scenarios.find((s) => s.name === selected);
  return (
    <div className="scenario-picker">
      <label htmlFor="scenario-select">Scenario</label>
      <select
        id="scenario-select"
        data-testid="scenario-select"
        value={selected ?? ''}
        onChange={(event) => onPick(event.target.value)}
      >
        {selected === null && <option value="">(edited text)</option>}
        {scenarios.map((s) => (
          <option key={s.name} value={s.name}>
            {s.title}
          </option>
        ))}
      </select>
      {current && <p className="hint">{current.description}</p>}
    </div>
  );
}
