/** A paired what-if being written: its name and its changes, one `path=value` per line. */
export interface VariantDraft {
  readonly name: string;
  readonly changes: string;
}

interface Props {
  readonly variants: readonly VariantDraft[];
  readonly onChange: (variants: VariantDraft[]) => void;
}

/** The request's `variants`: each draft's non-empty lines are its `path=value` changes. */
export function variantsOf(drafts: readonly VariantDraft[]): { name: string; sets: string[] }[] {
  return drafts.map((d) => ({
    name: d.name.trim(),
    sets: d.changes
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  }));
}

/**
 * Named what-ifs compared against the baseline on common random numbers, as `petrov compare
 * --variant NAME --set path=value ...`: any change, not only a safeguard. The server checks each
 * change with the same patcher, so a mistake comes back naming the variant and the field.
 */
export function VariantEditor({ variants, onChange }: Props) {
  const update = (i: number, draft: Partial<VariantDraft>) =>
    onChange(variants.map((v, j) => (j === i ? { ...v, ...draft } : v)));
  return (
    <fieldset className="variants" data-testid="variant-editor">
      <legend>What-ifs: any change of the scenario, one path=value per line</legend>
      {variants.map((v, i) => (
        <div className="variant" key={i} data-testid="variant">
          <label>
            Name
            <input
              type="text"
              data-testid="variant-name"
              value={v.name}
              placeholder="e.g. trusting"
              onChange={(event) => update(i, { name: event.target.value })}
            />
          </label>
          <label>
            Changes
            <textarea
              rows={2}
              data-testid="variant-changes"
              value={v.changes}
              placeholder="actors.north.human.automationBias=0.9"
              onChange={(event) => update(i, { changes: event.target.value })}
            />
          </label>
          <button
            type="button"
            data-testid="variant-remove"
            onClick={() => onChange(variants.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        data-testid="variant-add"
        onClick={() =>
          onChange([...variants, { name: `what-if-${variants.length + 1}`, changes: '' }])
        }
      >
        Add a what-if
      </button>
    </fieldset>
  );
}
