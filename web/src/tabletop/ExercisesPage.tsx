import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import type { ScenarioListing } from '../api/types.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { routeHref } from '../routing/route.ts';
import { tabletopApi, type ExerciseView } from './tabletop-api.ts';

type Summary = Omit<ExerciseView, 'debrief' | 'answers'>;

/** The facilitator's desk: set up an exercise from a scenario, and every exercise so far. */
export function ExercisesPage() {
  const [scenarios, setScenarios] = useState<ScenarioListing[]>([]);
  const [scenario, setScenario] = useState('korean-peninsula-2026');
  const [actors, setActors] = useState<readonly string[]>([]);
  const [people, setPeople] = useState<string[]>([]);
  const [label, setLabel] = useState('');
  const [className, setClassName] = useState('');
  const [compression, setCompression] = useState('1');
  const [pointSeconds, setPointSeconds] = useState('60');
  const [seed, setSeed] = useState('1');
  const [trial, setTrial] = useState('0');
  const [list, setList] = useState<Summary[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.scenarios().then((r) => setScenarios(r.scenarios), setError);
    tabletopApi.list().then((r) => setList(r.exercises), setError);
  }, []);
  useEffect(() => {
    api
      .scenario(scenario)
      .then((s) => api.validate(s.text))
      .then((v) => {
        setActors(v.actors);
        setPeople([...v.actors]);
      }, setError);
  }, [scenario]);

  const create = (event: FormEvent) => {
    event.preventDefault();
    tabletopApi
      .create({
        scenario: { name: scenario },
        label,
        className: className || undefined,
        people,
        compression: Number(compression),
        pointSeconds: Number(pointSeconds),
        seed: Number(seed),
        trial: Number(trial),
      })
      .then((r) => {
        window.location.hash = routeHref({ page: 'exercise', id: r.id });
      }, setError);
  };
  const toggle = (actor: string) =>
    setPeople((p) => (p.includes(actor) ? p.filter((a) => a !== actor) : [...p, actor]));

  return (
    <article data-testid="exercises-page">
      <h1>Tabletop exercises</h1>
      <form onSubmit={create} className="panel" data-testid="exercise-form">
        <h2>New exercise</h2>
        <div className="row">
          <label>
            Scenario{' '}
            <select
              value={scenario}
              onChange={(e) => setScenario(e.target.value)}
              data-testid="exercise-scenario"
            >
              {scenarios.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Label{' '}
            <input
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              required
              maxLength={200}
              data-testid="exercise-label"
            />
          </label>
          <label>
            Class{' '}
            <input
              value={className}
              onChange={(e) => setClassName(e.target.value)}
              maxLength={200}
              data-testid="exercise-class"
            />
          </label>
        </div>
        <fieldset>
          <legend>Sides played by people (the others by the scenario&apos;s agent)</legend>
          {actors.map((actor) => (
            <label key={actor} className="check">
              <input
                type="checkbox"
                checked={people.includes(actor)}
                onChange={() => toggle(actor)}
                data-testid={`person-${actor}`}
              />{' '}
              {actor}
            </label>
          ))}
        </fieldset>
        <div className="row">
          <label title="model minutes per real minute: 10 plays a 6-minute window in 36 seconds">
            Time compression (default 1){' '}
            <input
              type="number"
              min="0.01"
              step="any"
              value={compression}
              onChange={(e) => setCompression(e.target.value)}
              data-testid="exercise-compression"
            />
          </label>
          <label title="real seconds for a decision without a window: a perceived rise, an outage">
            Seconds for a rise or outage (default 60){' '}
            <input
              type="number"
              min="1"
              value={pointSeconds}
              onChange={(e) => setPointSeconds(e.target.value)}
              data-testid="exercise-point-seconds"
            />
          </label>
          <label>
            Seed (default 1){' '}
            <input
              type="number"
              min="0"
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
              data-testid="exercise-seed"
            />
          </label>
          <label>
            Trial (default 0){' '}
            <input
              type="number"
              min="0"
              value={trial}
              onChange={(e) => setTrial(e.target.value)}
              data-testid="exercise-trial"
            />
          </label>
        </div>
        <button
          type="submit"
          className="primary"
          disabled={people.length === 0}
          data-testid="create-exercise"
        >
          Create the exercise
        </button>
      </form>
      <ErrorBox error={error} />
      {list.length > 0 && (
        <table data-testid="exercise-list">
          <caption>Exercises</caption>
          <thead>
            <tr>
              <th scope="col">label</th>
              <th scope="col">class</th>
              <th scope="col">scenario</th>
              <th scope="col">status</th>
              <th scope="col">by</th>
            </tr>
          </thead>
          <tbody>
            {list.map((x) => (
              <tr key={x.id}>
                <td>
                  <a href={routeHref({ page: 'exercise', id: x.id })}>{x.label}</a>
                </td>
                <td>{x.className}</td>
                <td>{x.scenarioName}</td>
                <td>{x.status}</td>
                <td>{x.owner}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
