import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import type { SafeguardListing, ScenarioListing, ScenarioRef } from '../api/types.ts';
import { CapabilityPanel } from '../components/CapabilityPanel.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { RunForm } from '../components/RunForm.tsx';
import { ScenarioPicker } from '../components/ScenarioPicker.tsx';
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

/** Pick or edit a scenario, see its problems as you type, then run it, compare or inspect its AI. */
export function WorkbenchPage({
  onScenario,
}: {
  readonly onScenario?: (scenario: EditorScenario) => void;
} = {}) {
  const [scenarios, setScenarios] = useState<ScenarioListing[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [original, setOriginal] = useState('');
  const [text, setText] = useState('');
  const [loadKey, setLoadKey] = useState('');
  const [validation, setValidation] = useState<Validation>({ state: 'pending' });
  const [safeguards, setSafeguards] = useState<readonly SafeguardListing[]>([]);
  const [actors, setActors] = useState<readonly string[]>([]);
  const [error, setError] = useState<unknown>(null);

  const pick = useCallback((name: string) => {
    api.scenario(name).then((s) => {
      setSelected(name);
      setOriginal(s.text);
      setText(s.text);
      setLoadKey(`${name}@${performance.now()}`);
    }, setError);
  }, []);

  useEffect(() => {
    api.scenarios().then(({ scenarios: list }) => {
      setScenarios(list);
      const first = list.find((s) => s.name === DEFAULT_SCENARIO) ?? list[0];
      if (first) pick(first.name);
    }, setError);
  }, [pick]);

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
        {edited && <p className="hint">Edited: runs use the text below.</p>}
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
