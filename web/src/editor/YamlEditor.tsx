import { yaml } from '@codemirror/lang-yaml';
import { lintGutter } from '@codemirror/lint';
import { EditorView, basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import type { Issue } from '../api/types.ts';
import { IssueList } from '../components/IssueList.tsx';
import { issueDiagnostic } from './issue-diagnostic.ts';
import type { Validation } from './validation.ts';
import { validationLinter } from './validation-linter.ts';

interface Props {
  /** Text to show; replaces the document whenever `loadKey` changes (a scenario was picked). */
  readonly text: string;
  readonly loadKey: string;
  readonly validation: Validation;
  readonly onChange: (text: string) => void;
  readonly onValidation: (validation: Validation) => void;
}

/** The scenario's YAML in CodeMirror, validated by the server as you type, issues at their line. */
export function YamlEditor({ text, loadKey, validation, onChange, onValidation }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The editor is created once; callbacks reach it through a ref so they may change freely.
  const callbacks = useRef({ onChange, onValidation });
  callbacks.current = { onChange, onValidation };

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current ?? undefined,
      doc: '',
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        validationLinter((v) => callbacks.current.onValidation(v)),
        EditorView.contentAttributes.of({ 'aria-label': 'Scenario YAML', 'data-testid': 'editor' }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          callbacks.current.onChange(update.state.doc.toString());
          callbacks.current.onValidation({ state: 'pending' });
        }),
      ],
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === text) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
    // Only on a new load: `text` also follows the user's typing, which needs no dispatch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadKey]);

  const jump = (issue: Issue) => {
    const editor = view.current;
    if (!editor) return;
    const { from } = issueDiagnostic(editor.state.doc, issue);
    editor.dispatch({ selection: { anchor: from }, scrollIntoView: true });
    editor.focus();
  };

  return (
    <div className="editor">
      <div ref={host} className="editor-host" />
      <IssueList validation={validation} onSelect={jump} />
    </div>
  );
}
