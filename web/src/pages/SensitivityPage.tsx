import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { sobolRows, tornadoRows } from '../../../src/charts/index.ts';
import { api } from '../api/client.ts';
import type { ScenarioListing, SensitivityResponse } from '../api/types.ts';
import { SobolChart, TornadoChart } from '../charts/StudyCharts.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { SobolTable } from '../components/SobolTable.tsx';
import { TornadoTable } from '../components/TornadoTable.tsx';
import { integer, percent } from '../format/number.ts';

/** A Korean tornado of 26 parameters takes about ten seconds on two cores at 4,000 per arm. */
const DEFAULTS = { runs: 4_000, basePoints: 200, repetitions: 100 };
const DEFAULT_SCENARIO = 'korean-peninsula-2026';

/** Which assumption moves the risk most: a tornado and, if asked, Sobol indices, with intervals. */
export function SensitivityPage() {
  const [scenarios, setScenarios] = useState<ScenarioListing[]>([]);
  const [name, setName] = useState(DEFAULT_SCENARIO);
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const body = { scenario: { name }, runs, seed, sobol: withSobol, basePoints, repetitions };
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
                {scenarios.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
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
  const b = tornado.baseline;
  return (
    <div className="results" data-testid="sensitivity-results">
      <section className="panel" aria-labelledby="tornado-title">
        <h2 id="tornado-title">Tornado: {tornado.scenario.name}</h2>
        <p data-testid="sensitivity-baseline">
          Baseline P(nuclear use) <strong>{percent(b.p)}</strong> (95% CI {percent(b.ci95[0])}–
          {percent(b.ci95[1])}), {integer(tornado.runs)} trials per arm, seed {tornado.seed}.
        </p>
        <TornadoChart
          rows={bars}
          caption="Change in P(nuclear use) from the baseline with each parameter at its 5% point (blue, upper) and its 95% point (orange, lower); whiskers are paired 95% intervals; widest swing first."
          testId="tornado-chart"
          axisLabel="change in P(nuclear use) (percentage points)"
        />
        <div className="tables">
          <TornadoTable result={tornado} />
        </div>
      </section>
      {sobol && (
        <section className="panel" aria-labelledby="sobol-title">
          <h2 id="sobol-title">Sobol indices</h2>
          <p>
            {integer(sobol.basePoints)} parameter sets × {integer(sobol.repetitions)} trials each (
            {integer(sobol.runs)} trials); inner noise variance removed:{' '}
            {sobol.noiseVariance.toExponential(2)}.
          </p>
          <SobolChart
            rows={indices}
            caption="First-order (blue, upper) and total-order (orange, lower) Sobol indices of P(nuclear use) with bootstrap 95% intervals, largest total order first."
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
