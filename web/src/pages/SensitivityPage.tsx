import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { sobolRows, tornadoRows } from '../../../src/charts/index.ts';
import { api } from '../api/client.ts';
import type {
  SafeguardListing,
  ScenarioListing,
  ScenarioRef,
  SensitivityResponse,
} from '../api/types.ts';
import { SobolChart, TornadoChart } from '../charts/StudyCharts.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { RatioTornadoTable } from '../components/RatioTornadoTable.tsx';
import { SobolTable } from '../components/SobolTable.tsx';
import { TornadoTable } from '../components/TornadoTable.tsx';
import { integer, number, percent } from '../format/number.ts';
import type { EditorScenario } from './WorkbenchPage.tsx';

/** A Korean tornado of 26 parameters takes about ten seconds on two cores at 4,000 per arm. */
const DEFAULTS = { runs: 4_000, basePoints: 200, repetitions: 100 };
const DEFAULT_SCENARIO = 'korean-peninsula-2026';
/** The scenario picker's value for the workbench editor's scenario. */
const EDITOR = '@editor';

/**
 * Which assumption moves the risk most: a tornado and, if asked, Sobol indices, with intervals, of
 * P(nuclear use) or of a chosen safeguard's risk ratio, for a bundled scenario or the editor's.
 */
export function SensitivityPage({ editor = null }: { readonly editor?: EditorScenario | null }) {
  const [scenarios, setScenarios] = useState<ScenarioListing[]>([]);
  const [name, setName] = useState(DEFAULT_SCENARIO);
  const [offered, setOffered] = useState<{
    safeguards: readonly SafeguardListing[];
    actors: readonly string[];
  }>({ safeguards: [], actors: [] });
  const [ratio, setRatio] = useState('');
  const [side, setSide] = useState('');
  const [runs, setRuns] = useState(DEFAULTS.runs);
  const [seed, setSeed] = useState(1);
  const [withSobol, setWithSobol] = useState(false);
  const [basePoints, setBasePoints] = useState(DEFAULTS.basePoints);
  const [repetitions, setRepetitions] = useState(DEFAULTS.repetitions);
  const [result, setResult] = useState<SensitivityResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    api.scenarios().then(({ scenarios: list }) => setScenarios(list), setError);
    // Leaving the page stops a study still running on the server.
    return () => controller.current?.abort();
  }, []);

  const editorText = editor?.text ?? '';
  const scenario = useMemo<ScenarioRef>(
    () => (name === EDITOR ? (editor?.ref ?? { text: editorText }) : { name }),
    [name, editor?.ref, editorText],
  );
  // The safeguards (built-in and the scenario's own) and sides the ratio picker offers.
  useEffect(() => {
    let live = true;
    const text =
      name === EDITOR ? Promise.resolve(editorText) : api.scenario(name).then((s) => s.text);
    text
      .then((t) => api.validate(t))
      .then(
        (v) => live && setOffered({ safeguards: v.safeguards, actors: v.actors }),
        () => live && setOffered({ safeguards: [], actors: [] }),
      );
    return () => {
      live = false;
    };
  }, [name, editorText]);
  const ratioSpec = ratio === '' ? undefined : side === '' ? ratio : `${ratio}:${side}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const body = {
        scenario,
        runs,
        seed,
        sobol: withSobol,
        basePoints,
        repetitions,
        ...(ratioSpec === undefined ? {} : { ratio: ratioSpec }),
      };
      setResult(await api.sensitivity(body, abort.signal));
    } catch (e) {
      if (!abort.signal.aborted) setError(e);
    } finally {
      if (controller.current === abort) setBusy(false);
    }
  };
  const stop = () => {
    controller.current?.abort();
    setBusy(false);
  };

  return (
    <article data-testid="sensitivity-page">
      <h1>Which assumption matters most</h1>
      <p className="hint">
        Each uncertain parameter the scenario declares (its <code>uncertainty</code> block) is taken
        to its 5% and 95% points with the rest at baseline, every arm on the same simulated crises,
        so each change carries a paired 95% interval. Sobol indices split the variance of the risk
        over all parameters at once, with the inner Monte Carlo noise removed (docs/sensitivity.md).
      </p>
      <section className="panel">
        <form className="run-form" onSubmit={submit} data-testid="sensitivity-form">
          <div className="row">
            <label>
              Scenario
              <select
                data-testid="sensitivity-scenario"
                value={name}
                onChange={(event) => setName(event.target.value)}
              >
                {editor && (
                  <option value={EDITOR}>
                    The editor’s scenario
                    {editor.edited || editor.from === null ? ' (edited text)' : ` (${editor.from})`}
                  </option>
                )}
                {scenarios.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Study
              <select
                data-testid="sensitivity-ratio"
                value={ratio}
                onChange={(event) => {
                  setRatio(event.target.value);
                  setSide('');
                }}
              >
                <option value="">P(nuclear use)</option>
                {offered.safeguards.map((g) => (
                  <option key={g.name} value={g.name} title={g.description}>
                    risk ratio of {g.name}
                  </option>
                ))}
              </select>
            </label>
            {ratio !== '' && offered.actors.length > 1 && (
              <label>
                Applied to
                <select
                  data-testid="sensitivity-ratio-side"
                  value={side}
                  onChange={(event) => setSide(event.target.value)}
                >
                  <option value="">every side</option>
                  {offered.actors.map((a) => (
                    <option key={a} value={a}>
                      {a} only
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              Trials per arm
              <input
                type="number"
                min={1}
                data-testid="sensitivity-runs"
                value={runs}
                onChange={(event) => setRuns(Number(event.target.value))}
              />
            </label>
            <label>
              Seed
              <input
                type="number"
                min={0}
                data-testid="sensitivity-seed"
                value={seed}
                onChange={(event) => setSeed(Number(event.target.value))}
              />
            </label>
          </div>
          <div className="row">
            <label className="check">
              <input
                type="checkbox"
                data-testid="sensitivity-sobol"
                checked={withSobol}
                onChange={(event) => setWithSobol(event.target.checked)}
              />
              Also Sobol indices
            </label>
            <label>
              Parameter sets (N)
              <input
                type="number"
                min={2}
                disabled={!withSobol}
                data-testid="sensitivity-base-points"
                value={basePoints}
                onChange={(event) => setBasePoints(Number(event.target.value))}
              />
            </label>
            <label>
              Trials per set (R)
              <input
                type="number"
                min={2}
                disabled={!withSobol}
                data-testid="sensitivity-repetitions"
                value={repetitions}
                onChange={(event) => setRepetitions(Number(event.target.value))}
              />
            </label>
          </div>
          <button type="submit" className="primary" disabled={busy} data-testid="sensitivity-start">
            Run the study
          </button>
          {busy && (
            <>
              <span className="status" data-testid="sensitivity-busy">
                {' '}
                Running…
              </span>{' '}
              <button type="button" onClick={stop}>
                Stop
              </button>
            </>
          )}
          <ErrorBox error={error} />
        </form>
      </section>
      {result && <SensitivityResults result={result} />}
    </article>
  );
}

function SensitivityResults({ result }: { readonly result: SensitivityResponse }) {
  const { tornado, sobol } = result;
  const bars = useMemo(() => tornadoRows(tornado), [tornado]);
  const indices = useMemo(() => (sobol === null ? [] : sobolRows(sobol)), [sobol]);
  const ratio = 'safeguard' in tornado ? tornado : null;
  const plain = 'safeguard' in tornado ? null : tornado;
  const warnings = [...(ratio?.warnings ?? []), ...(sobol?.warnings ?? [])];
  const measure = ratio ? `the risk ratio of ${ratio.safeguard}` : 'P(nuclear use)';
  return (
    <div className="results" data-testid="sensitivity-results">
      {warnings.length > 0 && (
        <ul className="warnings" data-testid="sensitivity-warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <section className="panel" aria-labelledby="tornado-title">
        <h2 id="tornado-title">Tornado: {tornado.scenario.name}</h2>
        {ratio ? (
          <p data-testid="sensitivity-baseline">
            Baseline risk ratio of {ratio.safeguard}{' '}
            <strong>{number(ratio.baseline.estimate, 3)}</strong> (95% CI{' '}
            {number(ratio.baseline.ci95[0], 3)}–{number(ratio.baseline.ci95[1], 3)}),{' '}
            {integer(ratio.runs)} trials per arm with and without it, seed {ratio.seed}.
          </p>
        ) : (
          plain && (
            <p data-testid="sensitivity-baseline">
              Baseline P(nuclear use) <strong>{percent(plain.baseline.p)}</strong> (95% CI{' '}
              {percent(plain.baseline.ci95[0])}–{percent(plain.baseline.ci95[1])}),{' '}
              {integer(plain.runs)} trials per arm, seed {plain.seed}.
            </p>
          )
        )}
        <TornadoChart
          rows={bars}
          caption={`Change in ${measure} from the baseline with each parameter at its 5% point (blue, upper) and its 95% point (orange, lower); whiskers are paired 95% intervals; widest swing first.`}
          testId="tornado-chart"
          axisLabel={
            ratio
              ? `change in the risk ratio of ${ratio.safeguard}`
              : 'change in P(nuclear use) (percentage points)'
          }
          percent={ratio === null}
        />
        <div className="tables">
          {ratio ? (
            <RatioTornadoTable result={ratio} />
          ) : (
            <TornadoTable result={tornado as never} />
          )}
        </div>
      </section>
      {sobol && (
        <section className="panel" aria-labelledby="sobol-title">
          <h2 id="sobol-title">Sobol indices</h2>
          <p>
            {integer(sobol.basePoints)} parameter sets × {integer(sobol.repetitions)} trials each (
            {integer(sobol.runs)} trials); inner noise variance removed:{' '}
            {sobol.noiseVariance.toExponential(2)}.
            {sobol.ratio &&
              ` Each set ran with and without ${sobol.ratio.safeguard}; ${sobol.ratio.excludedBasePoints} base points left out (no use at baseline, so no ratio).`}
          </p>
          <SobolChart
            rows={indices}
            caption={`First-order (blue, upper) and total-order (orange, lower) Sobol indices of ${measure} with bootstrap 95% intervals, largest total order first.`}
            testId="sobol-chart"
          />
          <div className="tables">
            <SobolTable result={sobol} />
          </div>
        </section>
      )}
    </div>
  );
}
