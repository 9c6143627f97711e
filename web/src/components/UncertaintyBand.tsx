import { useEffect, useMemo, useRef, useState } from 'react';
import { bandRows } from '../../../src/charts/index.ts';
import { api } from '../api/client.ts';
import type { RunDetail, RunResult, UncertaintyResult } from '../api/types.ts';
import { BandChart } from '../charts/StudyCharts.tsx';
import { integer, percent, words } from '../format/number.ts';
import { ErrorBox } from './ErrorBox.tsx';

/** About 50,000 Korean trials: a few seconds on two cores. */
const DEFAULTS = { parameterSets: 100, repetitions: 500 };

const label = (outcome: string) => (outcome === 'nuclearUse' ? 'nuclear use' : words(outcome));
const range = (e: { estimate: number; ci95: readonly [number, number] }) =>
  `${percent(e.estimate)} (${percent(e.ci95[0])}–${percent(e.ci95[1])})`;

interface Props {
  readonly run: RunDetail;
  readonly result: RunResult;
}

/**
 * The parameter-uncertainty band beside a run's Monte Carlo interval, offered whenever the run's
 * scenario declares uncertain parameters: how far the risk moves when the `assumption` numbers
 * are wrong, which the run's interval (sampling error only) does not say.
 */
export function UncertaintyBand({ run, result }: Props) {
  const [uncertain, setUncertain] = useState<readonly string[]>([]);
  const [study, setStudy] = useState<UncertaintyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const text = run.scenarioText;
  const safeguards = run.options.safeguards;

  useEffect(() => {
    const abort = new AbortController();
    api.validate(text, abort.signal).then(
      (v) => setUncertain(v.uncertain),
      // A scenario that no longer validates has no band to offer; the run page shows the run.
      () => setUncertain([]),
    );
    return () => {
      abort.abort();
      controller.current?.abort();
    };
  }, [text]);

  const compute = () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setBusy(true);
    setError(null);
    api
      .uncertainty({ scenario: { text }, ...DEFAULTS, seed: run.seed, safeguards }, abort.signal)
      .then(setStudy, (e: unknown) => {
        if (!abort.signal.aborted) setError(e);
      })
      .finally(() => setBusy(false));
  };

  const use = result.outcomes.nuclearUse;
  const rows = useMemo(() => {
    if (study === null) return [];
    const [first, ...rest] = bandRows(study, label);
    const run = { estimate: use.p, low: use.ci95[0], high: use.ci95[1] };
    return [{ ...first, run }, ...rest];
  }, [study, use]);
  if (uncertain.length === 0) return null;
  const spread = study?.outcomes.nuclearUse;
  return (
    <section className="panel" aria-labelledby="band-title" data-testid="uncertainty-band">
      <h2 id="band-title">If the assumptions are wrong: the parameter band</h2>
      <p>
        The interval above is Monte Carlo error only. This scenario declares {uncertain.length}{' '}
        uncertain parameters; drawing them from their ranges ({integer(DEFAULTS.parameterSets)} sets
        × {integer(DEFAULTS.repetitions)} trials) shows how far the risk itself moves
        {safeguards.length > 0 &&
          `, for the scenario without this run's safeguards, weighing each of them (${safeguards.join(', ')}) at every set`}
        .
      </p>
      {study === null && (
        <p>
          <button type="button" onClick={compute} disabled={busy} data-testid="band-start">
            {busy ? 'Computing the band…' : 'Compute the parameter band'}
          </button>
        </p>
      )}
      <ErrorBox error={error} />
      {study && spread && (
        <>
          <p data-testid="band-summary">
            Over the parameters, P(nuclear use) has median <strong>{range(spread.median)}</strong>;
            5–95% band <strong>{range(spread.p05)}</strong> to <strong>{range(spread.p95)}</strong>;
            mean {percent(spread.mean.estimate)} ± {percent(spread.mean.stderr)}. Brackets are each
            figure&apos;s own 95% Monte Carlo interval.
            {spread.noiseShare !== null &&
              ` Inner sampling noise is ${percent(spread.noiseShare)} of the spread across sets.`}
          </p>
          <BandChart
            rows={rows}
            caption="Across the uncertain parameters: 5–95% band (thick), out to those points' 95% intervals (thin), and the median with its interval (dot); grey above: this run's own 95% interval."
            testId="band-chart"
            axisLabel="P per crisis (%)"
          />
          {study.safeguards.length > 0 && (
            <table data-testid="band-safeguards">
              <caption>Over the parameters, each safeguard</caption>
              <thead>
                <tr>
                  <th scope="col">safeguard</th>
                  <th scope="col" className="num">
                    lowers the risk in
                  </th>
                  <th scope="col" className="num">
                    mean reduction ± s.e.
                  </th>
                </tr>
              </thead>
              <tbody>
                {study.safeguards.map((g) => (
                  <tr key={g.name}>
                    <th scope="row">{g.name}</th>
                    <td className="num">
                      {percent(g.lowersRisk.estimate)} ± {percent(g.lowersRisk.stderr)} of sets
                    </td>
                    <td className="num">
                      {percent(g.meanReduction.estimate)} ± {percent(g.meanReduction.stderr)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
