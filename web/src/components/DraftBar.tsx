import { saveBlob } from '../api/download.ts';

interface Props {
  /** Where the text came from (e.g. `run 12`), when it is not a bundled file as written. */
  readonly from: string | null;
  /** False when this browser would not store the draft (storage full or turned off). */
  readonly saved: boolean;
  readonly text: string;
  /** The file name the download gets, without `.yaml`. */
  readonly name: string;
  readonly onDiscard: () => void;
}

/** The editor's draft: where it came from, whether it is kept, a YAML download and a discard. */
export function DraftBar({ from, saved, text, name, onDiscard }: Props) {
  const download = () =>
    saveBlob(new Blob([text], { type: 'application/yaml' }), `${fileName(name)}.yaml`);
  return (
    <div className="draft-bar" data-testid="draft-bar">
      {from !== null && (
        <p className="hint" data-testid="draft-status">
          {saved
            ? `Draft from ${from}, kept in this browser (it survives a reload); runs use the text below.`
            : `Draft from ${from}: this browser will not store it, so download it to keep it.`}
        </p>
      )}
      <button type="button" data-testid="download-yaml" onClick={download}>
        Download YAML
      </button>
      {from !== null && (
        <button type="button" data-testid="discard-draft" onClick={onDiscard}>
          Discard the draft
        </button>
      )}
    </div>
  );
}

/** A safe file name from a scenario's name: letters, digits and dashes. */
function fileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug === '' ? 'scenario' : slug;
}
