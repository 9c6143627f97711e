/**
 * The editor's draft, kept in this browser's localStorage (nothing is sent to the server until a
 * run): the text being edited, the text it started from, and where that came from.
 */
export interface Draft {
  readonly text: string;
  /** The text as loaded, so an edit shows as one and an unedited bundled file runs by name. */
  readonly original: string;
  /** The bundled scenario it started from, or null (a past run's scenario, or edited text). */
  readonly selected: string | null;
  /** Where it came from, for the hint above the editor: e.g. `run 12`. */
  readonly from: string;
}

const KEY = 'petrov.editor.draft';

/** The saved draft, or null if none (or none readable: storage off, or an old shape). */
export function readDraft(): Draft | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (raw === null) return null;
    const value = JSON.parse(raw) as Partial<Draft>;
    if (typeof value.text !== 'string' || typeof value.original !== 'string') return null;
    return {
      text: value.text,
      original: value.original,
      selected: typeof value.selected === 'string' ? value.selected : null,
      from: typeof value.from === 'string' ? value.from : 'a draft',
    };
  } catch {
    return null;
  }
}

/** Saves (or, with null, forgets) the draft; false when this browser refuses to store it. */
export function writeDraft(draft: Draft | null): boolean {
  try {
    if (draft === null) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}
