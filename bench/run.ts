// `npm run bench`: the engine against reference implementations of the same model, measured in
// one run on this machine, printed as ratios and written to bench/results/. Not part of npm test.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { wilson } from '../src/estimate/index.ts';
import { simulate, simulatorFor } from '../src/runner/index.ts';
import { loadScenarioFile, type LoadedScenario } from '../src/scenario/index.ts';
import { analyticKernel } from './analytic-kernel.ts';
import { engineChunk } from './engine-chunk.ts';
import { analyticNaive } from './analytic-naive.ts';
import { againstRevision } from './against-revision.ts';
import { median, type RatioRounds } from './interleaved-ratios.ts';
import { rareEventBench } from './rare-events.ts';
import { sensitivityBench } from './sensitivity.ts';
import { playOnLoopback, quantile } from './tabletop-players.ts';

const [l, f, m, days] = [2, 0.05, 0.1, 30];
const exact = 1 - Math.exp(-l * f * m * days);
const cores = availableParallelism();
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

interface Row {
  name: string;
  trials: number;
  seconds: number;
  /** Every event of the model, benign tracks counted in aggregate included. */
  events?: number;
  /** Events the loop handled one by one (all but the benign tracks). */
  handled?: number;
  uses?: number;
  agrees?: boolean;
  note?: string;
}
const rows: Row[] = [];

function load(file: string): LoadedScenario {
  const r = loadScenarioFile(here(file));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/**
 * Whether a reference's Wilson interval at z = 3.29 (99.9%) contains the exact p: with half a dozen
 * checks per bench, 95% intervals would report a correct reference as disagreeing every few runs.
 */
function agrees(uses: number, trials: number): boolean {
  const [lo, hi] = wilson(uses, trials, 3.290526731491926);
  return lo <= exact && exact <= hi;
}

/**
 * The engine in this thread, in chunks of 64k trials per call as the runner's workers take them
 * (V8 optimises a function called many times more reliably than one long call).
 */
function engineInline(loaded: LoadedScenario, trials: number, name: string, check: boolean): void {
  const sim = simulatorFor(loaded.scenario);
  const sums = new Float64Array(3);
  const start = performance.now();
  for (let from = 0; from < trials; from += 65_536)
    engineChunk(sim, from, Math.min(trials, from + 65_536), sums);
  const seconds = (performance.now() - start) / 1000;
  const [uses, events, benign] = sums;
  rows.push({
    name,
    trials,
    seconds,
    events,
    handled: events - benign,
    uses,
    agrees: check ? agrees(uses, trials) : undefined,
  });
}

async function enginePool(loaded: LoadedScenario, trials: number, name: string, check: boolean) {
  const start = performance.now();
  const r = await simulate(loaded, { runs: trials, workers: cores });
  const seconds = (performance.now() - start) / 1000;
  const uses = Math.round(r.outcomes.nuclearUse.p * r.runs);
  const c = r.outcomes.counts;
  const events = c.events.mean * r.runs;
  rows.push({
    name,
    trials,
    seconds,
    events,
    handled: events - (c.tracks.mean - c.hostileLabels.mean) * r.runs,
    uses,
    agrees: check ? agrees(uses, trials) : undefined,
  });
}

function timed(name: string, trials: number, run: () => number): void {
  const start = performance.now();
  const uses = run();
  rows.push({
    name,
    trials,
    seconds: (performance.now() - start) / 1000,
    uses,
    agrees: agrees(uses, trials),
  });
}

// `npm run bench -- against REV [NAME]` times this engine against revision REV's in one process
// (on the bundled scenarios whose file name contains NAME; both when omitted).
// `npm run bench -- engine` runs only the engine against its references (and memory); `-- rare`
// only the rare-event comparison; `-- sensitivity` only the studies; `-- tabletop` only the 30
// loopback players. With no argument, all of them.
const fmt = (x: number) =>
  Number.isFinite(x) ? x.toLocaleString('en-US', { maximumSignificantDigits: 3 }) : '–';
const only = process.argv[2];
if (only === 'against') {
  const revision = process.argv[3];
  if (!revision) {
    console.error('npm run bench -- against REV: name a git revision, e.g. 280399c');
    process.exit(2);
  }
  const files = [
    { file: 'scenarios/analytic-single-sensor.yaml', trials: 150_000 },
    { file: 'scenarios/korean-peninsula-2026.yaml', trials: 4_000 },
  ].filter((f) => process.argv[4] === undefined || f.file.includes(process.argv[4]));
  const results = await againstRevision(here('..'), revision, files);
  console.log(`This engine against ${revision}'s, one process, interleaved rounds by CPU time\n`);
  for (const r of results) {
    const same =
      r.usesHere === r.usesThere ? 'same uses' : `uses differ: ${r.usesHere} vs ${r.usesThere}`;
    console.log(
      `${r.scenario.padEnd(44)} speed ratio ${fmt(r.median)} (${fmt(Math.min(...r.ratios))}–${fmt(Math.max(...r.ratios))}; > 1: this one faster)  ${same}`,
    );
  }
  process.exit(0);
}
const PARTS = ['engine', 'rare', 'sensitivity', 'tabletop'];
if (only !== undefined && !PARTS.includes(only)) {
  console.error(`npm run bench: unknown part "${only}"; choose one of ${PARTS.join(', ')}`);
  process.exit(2);
}
const part = (name: string) => only === undefined || only === name;
const analytic = load('../scenarios/analytic-single-sensor.yaml');
const korea = load('../scenarios/korean-peninsula-2026.yaml');

/** Child processes for the ratio rounds, and rounds in each. */
const RATIO_PROCESSES = 3;
const RATIO_ROUNDS = 7;
let rounds: RatioRounds | null = null;
if (part('engine')) {
  engineInline(analytic, 3_000_000, 'engine, analytic, 1 thread', true);
  await enginePool(analytic, 6_000_000, `engine, analytic, ${cores} workers`, true);
  timed('hand kernel, analytic', 20_000_000, () => analyticKernel(20_000_000, 7, l, f, m, days));
  timed('naive TS (minute steps, Math.random), analytic', 2_000, () =>
    analyticNaive(2_000, l, f, m, days),
  );
  try {
    const out = execFileSync(
      'python3',
      [here('./analytic_numpy.py'), '5000000', `${l}`, `${f}`, `${m}`, `${days}`],
      {
        encoding: 'utf8',
      },
    );
    const r = JSON.parse(out) as { trials: number; uses: number; seconds: number };
    rows.push({ name: 'numpy vectorised, analytic', ...r, agrees: agrees(r.uses, r.trials) });
  } catch {
    rows.push({
      name: 'numpy vectorised, analytic',
      trials: 0,
      seconds: 0,
      note: 'skipped: python3 with numpy not available',
    });
  }
  engineInline(korea, 100_000, 'engine, Korean baseline, 1 thread', false);
  await enginePool(korea, 200_000, `engine, Korean baseline, ${cores} workers`, false);
  rounds = ratioRounds(RATIO_PROCESSES, RATIO_ROUNDS);
}
/**
 * The engine / reference rounds of `processes` fresh child processes (ratio-probe.ts), pooled:
 * one scenario per process as a run has it, and V8's optimisation, which differs from process to
 * process, averaged over several.
 */
function ratioRounds(processes: number, perProcess: number): RatioRounds {
  const all: RatioRounds = { engineOverKernel: [], engineOverNumpy: [], engineMicroseconds: [] };
  for (let i = 0; i < processes; i++) {
    const out = execFileSync(
      process.execPath,
      [
        here('../bin/run-ts.mjs'),
        here('./ratio-probe.ts'),
        `${l}`,
        `${f}`,
        `${m}`,
        `${days}`,
        `${perProcess}`,
      ],
      { encoding: 'utf8' },
    );
    const r = JSON.parse(out) as RatioRounds;
    all.engineOverKernel.push(...r.engineOverKernel);
    all.engineOverNumpy.push(...r.engineOverNumpy);
    all.engineMicroseconds.push(...r.engineMicroseconds);
  }
  return all;
}

/** Peak memory of a child process running `runs` Korean trials through the runner. */
function memoryAt(runs: number): number {
  const out = execFileSync(
    process.execPath,
    [here('../bin/run-ts.mjs'), here('./memory-probe.ts'), String(runs)],
    { encoding: 'utf8' },
  );
  return (JSON.parse(out) as { peakRssMiB: number }).peakRssMiB;
}
const memory = !part('engine') ? null : { small: 20_000, large: 300_000, smallMiB: 0, largeMiB: 0 };
if (memory) {
  memory.smallMiB = memoryAt(memory.small);
  memory.largeMiB = memoryAt(memory.large);
}
const rare = part('rare') ? await rareEventBench(cores) : [];
const studies = part('sensitivity') ? await sensitivityBench(korea, cores) : null;
/** 30 players in 15 exercises on one loopback server; update latency against the 1 s goal. */
const tabletop = await (async () => {
  if (!part('tabletop')) return null;
  const r = await playOnLoopback(15);
  const p50 = quantile(r.latenciesMs, 0.5);
  const p99 = quantile(r.latenciesMs, 0.99);
  return {
    players: r.players,
    updates: r.updates,
    missed: r.missed,
    decisions: r.answered,
    p50Ms: p50,
    p99Ms: p99,
    p99OverGoal: p99 / 1000,
  };
})();

const rate = (name: string) => {
  const row = rows.find((r) => r.name.startsWith(name));
  return row && row.seconds > 0 ? row.trials / row.seconds : NaN;
};
const engine = rate('engine, analytic, 1 thread');
const spread = (xs: readonly number[] | undefined) =>
  xs && xs.length > 0 ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) } : null;
const ratios = {
  /** Median over interleaved rounds by CPU time (interleaved-ratios.ts): the figure to compare. */
  engineOverNumpy: spread(rounds?.engineOverNumpy)?.median ?? NaN,
  engineOverKernel: spread(rounds?.engineOverKernel)?.median ?? NaN,
  engineOverNumpyRounds: spread(rounds?.engineOverNumpy),
  engineOverKernelRounds: spread(rounds?.engineOverKernel),
  engineMicrosecondsPerTrial: spread(rounds?.engineMicroseconds),
  /** From the single long timings above (wall clock), which swing more with the machine's load. */
  engineOverNumpyWall: engine / rate('numpy'),
  engineOverKernelWall: engine / rate('hand kernel'),
  engineOverNaive: engine / rate('naive'),
  koreaEventsPerSecondPerCore: (() => {
    const row = rows.find((r) => r.name.startsWith('engine, Korean baseline, 1 thread'));
    return row?.events && row.seconds ? row.events / row.seconds : NaN;
  })(),
  koreaHandledPerSecondPerCore: (() => {
    const row = rows.find((r) => r.name.startsWith('engine, Korean baseline, 1 thread'));
    return row?.handled && row.seconds ? row.handled / row.seconds : NaN;
  })(),
};
const peakRssMiB = process.resourceUsage().maxRSS / 1024;

const fmtRounds = (r: ReturnType<typeof spread>) =>
  r ? `${fmt(r.median)} (${fmt(r.min)}–${fmt(r.max)})` : '–';
if (part('engine')) {
  console.log(
    `Petrov bench — ${new Date().toISOString()}, ${cores} cores; analytic exact p = ${exact.toFixed(4)}\n`,
  );
  console.log(
    `${'implementation'.padEnd(48)}${'trials/s'.padStart(14)}${'events/s'.padStart(14)}${'handled/s'.padStart(14)}  agrees with exact p (99.9%)`,
  );
  for (const r of rows) {
    const per = (x: number | undefined) => (x && r.seconds > 0 ? x / r.seconds : NaN);
    const check = r.note ?? (r.agrees === undefined ? '' : r.agrees ? 'yes' : 'NO');
    console.log(
      `${r.name.padEnd(48)}${fmt(per(r.trials)).padStart(14)}${fmt(per(r.events)).padStart(14)}${fmt(per(r.handled)).padStart(14)}  ${check}`,
    );
  }
  console.log(`
events/s counts every event of the model; the engine handles all but benign-labelled tracks one by
one and counts those exactly at the end of each trial (thinning, docs/model.md): handled/s.`);
  console.log(`
engine / numpy          ${fmtRounds(ratios.engineOverNumpyRounds)}   (target ≥ 1)
engine / hand kernel    ${fmtRounds(ratios.engineOverKernelRounds)}   (target ≥ 0.5)
engine CPU per trial    ${fmtRounds(ratios.engineMicrosecondsPerTrial)} µs (analytic)
(ratios: median of ${rounds?.engineOverKernel.length ?? 0} interleaved rounds by CPU time in ${RATIO_PROCESSES} processes running only them, with their range; single long wall-clock
timings above give ${fmt(ratios.engineOverNumpyWall)} and ${fmt(ratios.engineOverKernelWall)})
engine / naive TS       ${fmt(ratios.engineOverNaive)}
Korean events/s/core    ${fmt(ratios.koreaEventsPerSecondPerCore)}   (target ≥ 10,000,000; handled one by one: ${fmt(ratios.koreaHandledPerSecondPerCore)})
peak memory             ${fmt(peakRssMiB)} MiB (this process)
memory vs trials        ${memory ? `${fmt(memory.smallMiB)} MiB at ${fmt(memory.small)} Korean trials, ${fmt(memory.largeMiB)} MiB at ${fmt(memory.large)} (ratio ${fmt(memory.largeMiB / memory.smallMiB)}; target: constant)` : '–'}`);
}
const sci = (x: number) => x.toExponential(2);
if (rare.length > 0) {
  console.log(`
Rare events, analytic scenario: importance sampling (IS) against plain Monte Carlo
${'exact p'.padEnd(10)}${'gain (var × time)'.padStart(19)}${'IS to 10% rel. err.'.padStart(21)}${'plain, projected'.padStart(18)}  IS estimate ± s.e. (covers exact)`);
  for (const r of rare) {
    console.log(
      `${sci(r.exact).padEnd(10)}${fmt(r.workNormalisedGain).padStart(19)}${`${r.isSecondsTo10Percent.toFixed(2)} s`.padStart(21)}${`${fmt(r.plainSecondsTo10PercentProjected)} s`.padStart(18)}  ${sci(r.isEstimate.p)} ± ${sci(r.isEstimate.stderr)} (${r.isEstimate.covers ? 'yes' : 'NO'})`,
    );
  }
  console.log(
    `  target: p ≈ 1e-6 reaches 10% relative error in under 10 s on ${cores} cores (tilt search included)`,
  );
}

if (studies) {
  const { tornado: t, sobol: s } = studies;
  console.log(`
Sensitivity, Korean scenario, ${cores} workers
tornado of ${t.parameters} parameters, ${fmt(t.runsPerArm)} trials per arm   ${t.seconds.toFixed(1)} s
Sobol first and total order of ${s.parameters} parameters, ${fmt(s.basePoints)} base points × ${s.repetitions} trials (${fmt(s.trials)} trials)   ${s.seconds.toFixed(1)} s, widest 95% half-width ${s.widestHalfWidth.toFixed(3)} (target ≤ 0.05; goal under 300 s on 2 cores)`);
}

if (tabletop) {
  console.log(`
Tabletop, ${tabletop.players} players in ${tabletop.players / 2} exercises on one loopback server
update latency (decision sent to the view showing it) over ${tabletop.decisions} decisions: p50 ${tabletop.p50Ms.toFixed(1)} ms, p99 ${tabletop.p99Ms.toFixed(1)} ms; p99 / goal ${fmt(tabletop.p99OverGoal)} (target < 1: p99 under a second); missed updates ${tabletop.missed} of ${tabletop.updates}`);
}

mkdirSync(here('./results'), { recursive: true });
const file = here(`./results/bench-${new Date().toISOString().replaceAll(':', '-')}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ cores, exact, rows, ratios, peakRssMiB, memory, rare, studies, tabletop }, null, 2)}\n`,
);
console.log(`\nwrote ${file}`);
