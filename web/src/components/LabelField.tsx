interface Props {
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** The run's name in the lists (`--label`): optional, one line, at most 200 characters. */
export function LabelField({ value, onChange }: Props) {
  return (
    <label className="label-field">
      Label (optional, shown in the list of runs)
      <input
        type="text"
        maxLength={200}
        data-testid="label-input"
        placeholder="e.g. hotline variant, 20-day crisis"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}
