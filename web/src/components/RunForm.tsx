import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import type {
  AgentChoice,
  RunKind,
  SafeguardListing,
  SamplingMethod,
  ScenarioRef,
} from '../api/types.ts';
import { routeHref } from '../routing/route.ts';
import { AgentPicker } from './AgentPicker.tsx';
import { ErrorBox } from './ErrorBox.tsx';
import { LabelField } from './LabelField.tsx';
import { SafeguardChooser } from './SafeguardChooser.tsx';
import { VariantEditor, variantsOf, type VariantDraft } from './VariantEditor.tsx';

interface Props {
  readonly scenario: ScenarioRef;
  readonly safeguards: readonly SafeguardListing[];
  /** The scenario's actors, so a safeguard can apply to one of them only. */
  readonly actors: readonly string[];
  /** False while the editor's text is invalid or not yet checked. */
  readonly ready: boolean;
}

/**
 * Trials that finish in a few seconds on one worker: the Korean baseline runs ~18k trials/s, and a
 * comparison runs every arm (up to 11) on each trial.
 */
const DEFAULT_RUNS: Readonly<Record<RunKind, number>> = { run: 40_000, compare: 8_000 };
/**
 * The caps of a run that stops at its target (the default): the Korean baseline reaches 5% in
 * ~35k trials; a comparison's risk ratios need more, so its cap keeps it to seconds, and it says
 * when it hit the cap.
 */
const DEFAULT_CAPS: Readonly<Record<RunKind, number>> = { run: 200_000, compare: 10_000 };
/** The relative error a run stops at by default, in percent, as `npm start` does. */
const DEFAULT_TARGET_PERCENT = 5;

/** Start a run or a comparison of the editor's scenario, then open its page. */
export function RunForm({ scenario, safeguards, actors, ready }: Props) {
  const [kind, setKind] = useState<RunKind>('run');
  const [runs, setRuns] = useState<number | null>(null);
  const [seed, setSeed] = useState(1);
  const [chosen, setChosen] = useState<string[]>([]);
  const [combine, setCombine] = useState(true);
  const [method, setMethod] = useState<SamplingMethod>('plain');
  const [targeted, setTargeted] = useState(true);
  const [targetPercent, setTargetPercent] = useState(DEFAULT_TARGET_PERCENT);
  const [label, setLabel] = useState('');
  const [whatIfs, setWhatIfs] = useState<VariantDraft[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [agents, setAgents] = useState<Record<string, AgentChoice>>({});
  // A language-model side runs a fixed number of trials (the server refuses a target for it).
  const modelSide = Object.values(agents).includes('llm');
  const stopsAtTarget = targeted && !modelSide;
  const trials = runs ?? (stopsAtTarget ? DEFAULT_CAPS : DEFAULT_RUNS)[kind];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { id } = await api.startRun({
        kind,
        scenario,
        // With a target the trials are a cap: the run stops at the target or there, whichever first.
        ...(stopsAtTarget
          ? { targetRelError: targetPercent / 100, maxRuns: trials }
          : { runs: trials }),
        seed,
        safeguards: chosen,
        method,
        ...(kind === 'compare' ? { combine } : {}),
        ...(label.trim() === '' ? {} : { label: label.trim() }),
        ...(kind === 'compare' && whatIfs.length > 0 ? { variants: variantsOf(whatIfs) } : {}),
        ...(Object.keys(agents).length > 0 ? { agents } : {}),
      });
      window.location.hash = routeHref({ page: 'run', id });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="run-form" onSubmit={submit} data-testid="run-form">
      <fieldset className="kind">
        <legend>What to do</legend>
        <label className="check">
          <input
            type="radio"
            name="kind"
            value="run"
            data-testid="kind-run"
            checked={kind === 'run'}
            onChange={() => setKind('run')}
          />
          Estimate the risk
        </label>
        <label className="check">
          <input
            type="radio"
            name="kind"
            value="compare"
            data-testid="kind-compare"
            checked={kind === 'compare'}
            onChange={() => setKind('compare')}
          />
          Compare safeguards against the baseline
        </label>
      </fieldset>
      <div className="row">
        <label>
          {stopsAtTarget ? 'At most (trials)' : 'Trials'}
          <input
            type="number"
            min={1}
            data-testid="runs-input"
            value={trials}
            onChange={(event) => setRuns(Number(event.target.value))}
          />
        </label>
        <label>
          Seed
          <input
            type="number"
            min={0}
            data-testid="seed-input"
            value={seed}
            onChange={(event) => setSeed(Number(event.target.value))}
          />
        </label>
        <label>
          Sampling
          <select
            data-testid="method-select"
            value={method}
            onChange={(event) => setMethod(event.target.value as SamplingMethod)}
          >
            <option value="plain">plain Monte Carlo</option>
            <option value="auto">auto (importance sampling if the risk is rare)</option>
            <option value="is">importance sampling (risks below ~1e-3)</option>
          </select>
        </label>
      </div>
      <div className="row">
        <label className="check">
          <input
            type="checkbox"
            data-testid="target-check"
            checked={stopsAtTarget}
            disabled={modelSide}
            onChange={(event) => setTargeted(event.target.checked)}
          />
          Stop when the relative error of{' '}
          {kind === 'compare' ? 'every risk ratio' : 'P(nuclear use)'} reaches
          {modelSide && ' (not with a language-model side: it runs a fixed number of trials)'}
        </label>
        <label>
          <input
            type="number"
            min={0.1}
            max={99}
            step={0.1}
            data-testid="target-input"
            aria-label="target relative error, percent"
            disabled={!stopsAtTarget}
            value={targetPercent}
            onChange={(event) => setTargetPercent(Number(event.target.value))}
          />
          %
        </label>
      </div>
      <SafeguardChooser
        safeguards={safeguards}
        actors={actors}
        chosen={chosen}
        onChange={setChosen}
        legend={
          kind === 'run'
            ? 'Safeguards to apply (none: the scenario as written)'
            : whatIfs.length > 0
              ? 'Safeguards to compare besides the what-ifs (none chosen: none)'
              : 'Safeguards to compare (none chosen: all of them)'
        }
      />
      {kind === 'compare' && <VariantEditor variants={whatIfs} onChange={setWhatIfs} />}
      <AgentPicker scenario={scenario} ready={ready} value={agents} onChange={setAgents} />
      {kind === 'compare' && (
        <label className="check">
          <input
            type="checkbox"
            data-testid="combine"
            checked={combine}
            onChange={(event) => setCombine(event.target.checked)}
          />
          Also compare all of them combined
        </label>
      )}
      <LabelField value={label} onChange={setLabel} />
      <button type="submit" className="primary" disabled={!ready || busy} data-testid="start">
        {kind === 'run' ? 'Run' : 'Compare'}
      </button>
      <ErrorBox error={error} />
    </form>
  );
}
