import { linter, type Diagnostic } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { issueDiagnostic } from './issue-diagnostic.ts';
import type { Validation } from './validation.ts';

/** Pause after the last keystroke before asking the server. */
const DEBOUNCE_MS = 400;

/**
 * A CodeMirror linter that validates the whole text on the server (the CLI's own schema) and
 * reports each issue at its line; `report` hears every verdict for the doc it was asked about.
 */
export function validationLinter(report: (validation: Validation) => void): Extension {
  const source = async (view: EditorView): Promise<Diagnostic[]> => {
    const doc = view.state.doc;
    const current = () => view.state.doc === doc;
    // The editor starts empty until a scenario loads: nothing to say yet.
    if (doc.length === 0) return [];
    try {
      const result = await api.validate(doc.toString());
      if (current()) report({ state: 'valid', result });
      return [];
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        if (current()) report({ state: 'invalid', issues: error.issues });
        return error.issues.map((issue) => issueDiagnostic(doc, issue));
      }
      const message = error instanceof Error ? error.message : String(error);
      if (current()) report({ state: 'unavailable', message });
      return [];
    }
  };
  return linter(source, { delay: DEBOUNCE_MS });
}
