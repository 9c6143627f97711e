// `npm run bench -- against REV`: this engine against the engine of an earlier git revision, in one
// process, on the same scenario, in alternating rounds by CPU time — the comparison that holds still
// on a shared machine (ratios against numpy or the hand kernel move with the load; two builds of
// the same engine see the same load in the same second).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './interleaved-ratios.ts';

interface Runner {
  run(seed: number, trial: number): { nuclearUse: number };
}

/** Loads `file` (a path inside the repository) and builds a simulator with the code at `root`. */
async function simulatorAt(root: string, file: string): Promise<Runner> {
  const url = (p: string) => pathToFileURL(join(root, p)).href;
  const scenario = (await import(url('src/scenario/index.ts'))) as {
    loadScenarioFile(path: string): { ok: boolean; value: { scenario: unknown } };
  };
  const loaded = scenario.loadScenarioFile(join(root, file));
  if (!loaded.ok) throw new Error(`${root}: ${file} does not load`);
  const runner = (await import(url('src/runner/index.ts'))) as {
    simulatorFor?: (s: unknown) => Runner;
  };
  if (runner.simulatorFor) return runner.simulatorFor(loaded.value.scenario);
  const engine = (await import(url('src/engine/index.ts'))) as {
    compileModel(s: unknown): unknown;
    Simulator: new (m: unknown) => Runner;
  };
  return new engine.Simulator(engine.compileModel(loaded.value.scenario));
}

function cpuSeconds(sim: Runner, from: number, to: number): { seconds: number; uses: number } {
  const start = process.cpuUsage();
  let uses = 0;
  for (let t = from; t < to; t++) uses += sim.run(1, t).nuclearUse;
  const used = process.cpuUsage(start);
  return { seconds: (used.user + used.system) / 1e6, uses };
}

export interface AgainstRevision {
  revision: string;
  scenario: string;
  /** This engine's trials per CPU second over the revision's, per round (> 1: this one is faster). */
  ratios: number[];
  median: number;
  /** Both engines ran the same trials: uses must agree whenever the model did not change. */
  usesHere: number;
  usesThere: number;
}

export async function againstRevision(
  repo: string,
  revision: string,
  /** Scenario files inside the repository, each with the trials per round (about a second's work). */
  files: readonly { file: string; trials: number }[],
  rounds = 25,
): Promise<AgainstRevision[]> {
  const dir = mkdtempSync(join(tmpdir(), 'petrov-bench-rev-'));
  try {
    const archive = execFileSync(
      'git',
      ['-C', repo, 'archive', revision, 'package.json', 'src', 'scenarios'],
      { maxBuffer: 1 << 30 },
    );
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
    const out: AgainstRevision[] = [];
    for (const { file, trials } of files) {
      const here = await simulatorAt(repo, file);
      const there = await simulatorAt(dir, file);
      cpuSeconds(here, 0, trials);
      cpuSeconds(there, 0, trials);
      const ratios: number[] = [];
      let usesHere = 0;
      let usesThere = 0;
      for (let r = 0; r < rounds; r++) {
        const from = (r + 1) * trials;
        // Alternate which goes first, so neither always meets the other's cache state.
        const [a, b] =
          r % 2 === 0
            ? [cpuSeconds(here, from, from + trials), cpuSeconds(there, from, from + trials)]
            : (() => {
                const y = cpuSeconds(there, from, from + trials);
                return [cpuSeconds(here, from, from + trials), y];
              })();
        ratios.push(b.seconds / a.seconds);
        usesHere += a.uses;
        usesThere += b.uses;
      }
      out.push({ revision, scenario: file, ratios, median: median(ratios), usesHere, usesThere });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
