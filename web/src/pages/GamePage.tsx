import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { GameResult, ScenarioListing } from '../api/types.ts';
import { GameMatrixChart } from '../charts/GameMatrixChart.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';

const COSTS = [
  ['accidentalUse', 'accidental use'],
  ['generalWar', 'general war'],
  ['unansweredAttack', 'unanswered attack'],
  ['disarmingStrike', 'struck'],
  ['retaliationAfterStrike', 'exchange after a strike'],
] as const;

type Weights = Record<string, Record<string, number>>;

const percentWithError = (e: { estimate: number; stderr: number }) =>
  `${Math.round(100 * e.estimate)}% ± ${Math.round(100 * e.stderr)}`;

/** A pure equilibrium's P(equilibrium) over the parameter sets, when they were played. */
function parameterFigure(result: GameResult, support: readonly (readonly string[])[]): string {
  const profile = result.profiles.find((p) => p.strategies.every((s, i) => s === support[i][0]));
  const p = profile?.parameterEquilibriumProbability;
  return p ? `, ${percentWithError(p)} with parameter uncertainty` : '';
}

/**
 * The delegation game of a bundled scenario: the payoff matrix with its equilibria, and each
 * side's costs, adjustable; the server plays the game again with them (the same seed, so only the
 * costs change the numbers).
 */
export function GamePage() {
  const [scenarios, setScenarios] = useState<ScenarioListing[]>([]);
  const [name, setName] = useState('analytic-game');
  const [runs, setRuns] = useState(500);
  const [parameterSets, setParameterSets] = useState(0);
  const [weights, setWeights] = useState<Weights | null>(null);
  const [result, setResult] = useState<GameResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.scenarios().then((r) => setScenarios(r.scenarios), setError);
  }, []);

  const play = (costs: Weights | null) => {
    setBusy(true);
    setError(null);
    api
      .game({
        scenario: { name },
        runs,
        resamples: 200,
        ...(parameterSets > 0 ? { parameterSets } : {}),
        ...(costs ? { weights: costs } : {}),
      })
      .then((r) => {
        setResult(r);
        setWeights(Object.fromEntries(r.players.map((p, i) => [p, { ...r.weights[i] }])));
      }, setError)
      .finally(() => setBusy(false));
  };

  const setCost = (player: string, cost: string, value: number) =>
    setWeights((w) => (w ? { ...w, [player]: { ...w[player], [cost]: value } } : w));

  return (
    <article>
      <h1>Delegation game</h1>
      <p className="hint">
        Each side picks a strategy (by default a delegation mode, with pre-delegation off or on);
        every profile runs on the same random numbers. A framed cell is a pure equilibrium: neither
        side gains by changing alone. docs/delegation-game.md explains the payoffs.
      </p>
      <div className="game-form">
        <label htmlFor="game-scenario">Scenario</label>
        <select
          id="game-scenario"
          data-testid="game-scenario"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setWeights(null);
          }}
        >
          {scenarios.map((s) => (
            <option key={s.name} value={s.name}>
              {s.title}
            </option>
          ))}
        </select>
        <label htmlFor="game-runs">Trials per profile</label>
        <input
          id="game-runs"
          type="number"
          min={1}
          value={runs}
          onChange={(e) => setRuns(Number(e.target.value))}
        />
        <label htmlFor="game-parameter-sets">Parameter sets (0: off)</label>
        <input
          id="game-parameter-sets"
          data-testid="game-parameter-sets"
          type="number"
          min={0}
          title="with an uncertainty block: play the game again at this many parameter sets (100 trials each)"
          value={parameterSets}
          onChange={(e) => setParameterSets(Number(e.target.value))}
        />
        <button type="button" data-testid="game-play" disabled={busy} onClick={() => play(weights)}>
          {busy ? 'Playing…' : 'Play'}
        </button>
      </div>
      {weights && result && (
        <table data-testid="game-weights">
          <thead>
            <tr>
              <th scope="col">cost of</th>
              {result.players.map((p) => (
                <th key={p} scope="col">
                  {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {COSTS.map(([cost, label]) => (
              <tr key={cost}>
                <th scope="row">{label}</th>
                {result.players.map((p) => (
                  <td key={p}>
                    <input
                      type="number"
                      min={0}
                      step="any"
                      aria-label={`${p} ${label}`}
                      data-testid={`weight-${p}-${cost}`}
                      value={weights[p]?.[cost] ?? 0}
                      onChange={(e) => setCost(p, cost, Number(e.target.value))}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorBox error={error} />
      {result && (
        <>
          <GameMatrixChart result={result} />
          {result.parameterUncertainty && (
            <p data-testid="game-parameters">
              Parameter uncertainty: {result.parameterUncertainty.parameterSets} parameter sets of{' '}
              {result.parameterUncertainty.parameters.length} uncertain parameters,{' '}
              {result.parameterUncertainty.runs} trials of every arm at each; the pure equilibria
              are the baseline&apos;s in{' '}
              {percentWithError(result.parameterUncertainty.sameAsBaseline)} of them.
            </p>
          )}
          <h2>Equilibria</h2>
          <ul data-testid="game-equilibria">
            {result.equilibria.map((e, i) => (
              <li key={i}>
                {e.kind}: {result.players[0]} {e.support[0].join(' + ')}, {result.players[1]}{' '}
                {e.support[1].join(' + ')}; payoffs {e.payoffs[0].estimate.toFixed(3)} ±{' '}
                {e.payoffs[0].stderr.toFixed(3)}, {e.payoffs[1].estimate.toFixed(3)} ±{' '}
                {e.payoffs[1].stderr.toFixed(3)}; holds in {Math.round(100 * e.probability)}% of
                resampled payoffs
                {e.kind === 'pure' && parameterFigure(result, e.support)}
                {e.paretoImprovements.length > 0 &&
                  `; Pareto improvements: ${e.paretoImprovements.map((p) => p.strategies.join(' × ')).join(', ')}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
