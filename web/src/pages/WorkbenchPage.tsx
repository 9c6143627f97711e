import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { SafeguardListing, ScenarioListing, ScenarioRef } from '../api/types.ts';
import { CapabilityPanel } from '../components/CapabilityPanel.tsx';
import { DraftBar } from '../components/DraftBar.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { RunForm } from '../components/RunForm.tsx';
import { ScenarioPicker } from '../components/ScenarioPicker.tsx';
import { readDraft, writeDraft } from '../editor/draft-store.ts';
import type { Validation } from '../editor/validation.ts';
import { YamlEditor } from '../editor/YamlEditor.tsx';

const DEFAULT_SCENARIO = 'korean-peninsula-2026';

/** The scenario in the editor, as other pages (the sensitivity page) may study it. */
export interface EditorScenario {
  readonly ref: ScenarioRef;
  readonly text: string;
  /** The bundled scenario it was loaded from, if any, and whether the text was edited since. */
  readonly from: string | null;
  readonly edited: boolean;
}

interface Props {
  /** A past run whose stored scenario text to open in the editor (`#/?run=ID`). */
  readonly openRun?: string;
  /** Told of the scenario in the editor whenever it changes (the sensitivity page studies it). */
  readonly onScenario?: (scenario: EditorScenario) => void;
}

/**
 * Pick or edit a scenario, see its problems as you type, then run it, compare or inspect its AI.
 * Edited text (or a past run's) is kept as a draft in this browser, so a reload keeps it.
 */
export function WorkbenchPage({ openRun, onScenario }: Props) {
  const [scenarios, setScenarios] = useState<ScenarioListing[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [original, setOriginal] = useState('');
  const [text, setText] = useState('');
  const [loadKey, setLoadKey] = useState('');
  const [validation, setValidation] = useState<Validation>({ state: 'pending' });
  const [safeguards, setSafeguards] = useState<readonly SafeguardListing[]>([]);
  const [actors, setActors] = useState<readonly string[]>([]);
  const [error, setError] = useState<unknown>(null);
  /** Where the text came from when it is not a bundled file as picked (then it is a draft). */
  const [from, setFrom] = useState<string | null>(null);
  const [draftSaved, setDraftSaved] = useState(true);

  const load = useCallback(
    (next: { text: string; original: string; selected: string | null; from: string | null }) => {
      setSelected(next.selected);
      setOriginal(next.original);
      setText(next.text);
      setFrom(next.from);
      setLoadKey(`${next.selected ?? next.from}@${performance.now()}`);
    },
    [],
  );

  const pick = useCallback(
    (name: string) => {
      api.scenario(name).then((s) => {
        load({ text: s.text, original: s.text, selected: name, from: null });
      }, setError);
    },
    [load],
  );

  // Opened at `#/?run=ID`: that run's scenario, not the draft or the default, fills the editor.
  const openedWithRun = useRef(openRun !== undefined);
  useEffect(() => {
    api.scenarios().then(({ scenarios: list }) => {
      setScenarios(list);
      if (openedWithRun.current) return;
      // A draft left in this browser comes back first; a run to open replaces it below.
      const draft = readDraft();
      if (draft !== null) return load(draft);
      const first = list.find((s) => s.name === DEFAULT_SCENARIO) ?? list[0];
      if (first) pick(first.name);
    }, setError);
  }, [pick, load]);

  useEffect(() => {
    if (openRun === undefined) return;
    api.run(openRun).then((run) => {
      const named = run.label === null ? '' : ` “${run.label}”`;
      load({
        text: run.scenarioText,
        original: run.scenarioText,
        selected: null,
        from: `run ${run.id}${named}`,
      });
      // Back to the plain workbench URL: a reload then keeps the draft rather than reopening.
      window.history.replaceState(null, '', '#/');
    }, setError);
  }, [openRun, load]);

  // Anything but a bundled file as picked is a draft, kept in this browser on every change.
  useEffect(() => {
    if (loadKey === '') return;
    const draft = selected === null || text !== original;
    const saved = writeDraft(
      draft
        ? { text, original, selected, from: from ?? `${selected ?? 'a scenario'}, edited` }
        : null,
    );
    setDraftSaved(saved);
  }, [loadKey, text, original, selected, from]);

  const discard = () => {
    writeDraft(null);
    const first = scenarios.find((s) => s.name === DEFAULT_SCENARIO) ?? scenarios[0];
    if (first) pick(selected ?? first.name);
  };

  const onValidation = useCallback((v: Validation) => {
    setValidation(v);
    // Keep the last valid list while the text is broken, so choices do not flicker away.
    if (v.state === 'valid') {
      setSafeguards(v.result.safeguards);
      setActors(v.result.actors);
    }
  }, []);

  const edited = text !== original;
  const scenario = useMemo<ScenarioRef>(
    () => (selected !== null && !edited ? { name: selected } : { text }),
    [selected, edited, text],
  );
  const ready = validation.state === 'valid';
  useEffect(() => {
    if (text !== '') onScenario?.({ ref: scenario, text, from: selected, edited });
  }, [onScenario, scenario, text, selected, edited]);

  return (
    <div className="workbench">
      <section className="panel editor-panel" aria-labelledby="scenario-title">
        <h1 id="scenario-title">Scenario</h1>
        <ErrorBox error={error} />
        <ScenarioPicker scenarios={scenarios} selected={selected} onPick={pick} />
        <DraftBar
          from={selected === null || edited ? (from ?? `${selected}, edited`) : null}
          saved={draftSaved}
          text={text}
          name={validation.state === 'valid' ? validation.result.name : (selected ?? 'scenario')}
          onDiscard={discard}
        />
        <YamlEditor
          text={text}
          loadKey={loadKey}
          validation={validation}
          onChange={setText}
          onValidation={onValidation}
        />
      </section>
      <div className="side">
        <section className="panel" aria-labelledby="run-title">
          <h2 id="run-title">Run</h2>
          <RunForm scenario={scenario} safeguards={safeguards} actors={actors} ready={ready} />
        </section>
        <CapabilityPanel scenario={scenario} ready={ready} />
      </div>
    </div>
  );
}
