/** CSV exports read back with exactly the numbers of `--json`. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import type { ComparisonResult, RunResult } from '../src/runner/index.ts';
import type {
  PathwaysResult,
  SobolResult,
  TornadoResult,
  UncertaintyResult,
} from '../src/analysis/index.ts';
import { CAUSES } from '../src/scenario/index.ts';
import { cli } from './helpers/cli.ts';
import { csvRecords, parseCsv } from './helpers/csv.ts';

const KOREA = 'scenarios/korean-peninsula-2026.yaml';
const dir = mkdtempSync(join(tmpdir(), 'petrov-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const num = (s: string | null) => (s === null ? null : Number(s));

/** Both outputs of one command: its `--json` and its `--format csv`. */
async function both(...args: string[]): Promise<{ json: string; csv: string }> {
  const json = await cli(...args, '--json');
  const csv = await cli(...args, '--format', 'csv');
  expect(json.code).toBe(0);
  expect(csv.code).toBe(0);
  return { json: json.out, csv: csv.out };
}

describe('--format csv', () => {
  it('run: every estimate of the JSON, one per row, the same doubles', async () => {
    const { json, csv } = await both('run', KOREA, '--runs', '2000', '--seed', '3', '--no-store');
    const result = JSON.parse(json) as RunResult;
    const rows = csvRecords(csv);
    const find = (measure: string, actor: string | null, name: string | null) =>
      rows.find((r) => r.measure === measure && r.actor === actor && r.name === name);
    const same = (
      row: Record<string, string | null> | undefined,
      e: RunResult['outcomes']['nuclearUse'],
    ) => {
      expect(row).toBeDefined();
      expect(
        [row?.estimate, row?.stderr, row?.ci_low, row?.ci_high, row?.rel_err].map((x) =>
          num(x ?? null),
        ),
      ).toEqual([e.p, e.stderr, e.ci95[0], e.ci95[1], e.relErr]);
    };
    const o = result.outcomes;
    same(find('nuclear_use', null, null), o.nuclearUse);
    for (const c of CAUSES) same(find('by_cause', null, c), o.byCause[c]);
    same(find('first_use', 'north', null), o.firstUse.north);
    same(find('highest_rung', 'south', 'nuclear_alert'), o.highestRung.south.nuclear_alert);
    const count = find('count', null, 'tracks');
    expect(num(count?.estimate ?? null)).toBe(o.counts.tracks.mean);
    expect(rows.filter((r) => r.measure === 'highest_rung')).toHaveLength(2 * 7);
  });

  it('compare: one row per arm with its paired effect', async () => {
    const args = ['compare', KOREA, '--safeguard', 'hotline', '--safeguard', 'de-alerting'];
    const { json, csv } = await both(...args, '--runs', '2000', '--no-store');
    const result = JSON.parse(json) as ComparisonResult;
    const rows = csvRecords(csv);
    expect(rows.map((r) => r.arm)).toEqual(['baseline', ...result.variants.map((v) => v.name)]);
    expect(rows[0].risk_ratio).toBeNull();
    expect(num(rows[0].p)).toBe(result.baseline.nuclearUse.p);
    result.variants.forEach((v, i) => {
      const row = rows[i + 1];
      expect(num(row.p_ci_high)).toBe(v.nuclearUse.ci95[1]);
      expect(num(row.risk_ratio)).toBe(v.riskRatio?.estimate);
      expect(num(row.risk_ratio_ci_low)).toBe(v.riskRatio?.ci95[0]);
      expect(num(row.risk_reduction_stderr)).toBe(v.absoluteRiskReduction.stderr);
      expect(num(row.p_decapitation_misread)).toBe(v.byCause.decapitation_misread.p);
    });
  });

  it('pathways: paths with commas and quotes survive the quoting', async () => {
    const { json, csv } = await both('pathways', KOREA, '--runs', '2000', '--top', '3');
    const result = JSON.parse(json) as PathwaysResult;
    const rows = csvRecords(csv);
    expect(rows.map((r) => r.path)).toEqual(result.pathways.map((p) => p.path));
    expect(rows.map((r) => num(r.share))).toEqual(result.pathways.map((p) => p.share.p));
    expect(rows.map((r) => num(r.example_trial))).toEqual(
      result.pathways.map((p) => p.exampleTrial),
    );
  });

  it('--json and --format csv together are refused, naming --json', async () => {
    const result = await cli('run', KOREA, '--runs', '100', '--json', '--format', 'csv');
    expect(result.code).toBe(2);
    expect(result.err).toMatchInlineSnapshot(`
      "--json: conflicts with --format csv; give one of them
      "
    `);
  });
});

describe('petrov runs export', () => {
  it('writes every stored run as a CSV row with its label, headline and options', async () => {
    const db = join(dir, 'export.db');
    const run = await cli(
      'run',
      KOREA,
      '--runs',
      '1000',
      '--db',
      db,
      '--json',
      '--set',
      'horizonDays=20',
      '--label',
      'short, "quoted" crisis',
    );
    const cmp = await cli(
      'compare',
      KOREA,
      '--safeguard',
      'hotline',
      '--runs',
      '1000',
      '--db',
      db,
      '--json',
    );
    const out = join(dir, 'runs.csv');
    const exported = await cli('runs', 'export', '--db', db, '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.err).toBe(`wrote 2 runs to ${out}\n`);
    const rows = csvRecords(readFileSync(out, 'utf8'));
    expect(rows.map((r) => [r.id, r.kind, r.status])).toEqual([
      ['2', 'compare', 'done'],
      ['1', 'run', 'done'],
    ]);
    const r = JSON.parse(run.out) as RunResult;
    const c = JSON.parse(cmp.out) as ComparisonResult;
    expect(rows[1]).toMatchObject({
      label: 'short, "quoted" crisis',
      sets: 'horizonDays=20',
      scenario_hash: r.scenario.hash,
      seed: '1',
    });
    expect([rows[1].p, rows[1].p_ci_low, rows[1].p_ci_high].map(num)).toEqual([
      r.outcomes.nuclearUse.p,
      ...r.outcomes.nuclearUse.ci95,
    ]);
    expect(rows[0]).toMatchObject({ safeguards: 'hotline', runs: '1000' });
    expect(num(rows[0].p)).toBe(c.baseline.nuclearUse.p);
    expect(parseCsv(readFileSync(out, 'utf8'))[0][0]).toBe('id');
  });

  it('writes Parquet that a reader gives back with the --json numbers and typed columns', async () => {
    const db = join(dir, 'parquet.db');
    const run = await cli('run', KOREA, '--runs', '1000', '--db', db, '--json', '--label', 'a');
    expect(run.code).toBe(0);
    const out = join(dir, 'runs.parquet');
    const exported = await cli('runs', 'export', '--format', 'parquet', '--db', db, '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.err).toBe(`wrote 1 runs to ${out}\n`);
    const bytes = readFileSync(out);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const types = parquetSchema(parquetMetadata(file)).children.map((c) => [
      c.element.name,
      c.element.type,
    ]);
    expect(Object.fromEntries(types)).toMatchObject({
      id: 'DOUBLE',
      p: 'DOUBLE',
      label: 'BYTE_ARRAY',
    });
    const [row] = await parquetReadObjects({ file });
    const r = JSON.parse(run.out) as RunResult;
    expect(row).toMatchObject({
      id: 1,
      label: 'a',
      kind: 'run',
      scenario_hash: r.scenario.hash,
      seed: 1,
      runs: 1000,
      finished_at: expect.any(String),
      target_rel_error: null,
    });
    expect([row.p, row.p_ci_low, row.p_ci_high]).toEqual([
      r.outcomes.nuclearUse.p,
      ...r.outcomes.nuclearUse.ci95,
    ]);
  });

  it('refuses Parquet without --out, naming it, before reading the store', async () => {
    const result = await cli('runs', 'export', '--format', 'parquet', '--db', join(dir, 'none.db'));
    expect(result.code).toBe(2);
    expect(result.err).toMatchInlineSnapshot(`
      "--out: Parquet is binary: give --out FILE (for example runs.parquet)
      "
    `);
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
  });
});

describe('--format csv on the studies', () => {
  const ANALYTIC = 'scenarios/analytic-single-sensor.yaml';
  const uncertain = [
    '--uncertain',
    'actors.solo.tracks.ballistic.falseAlarm=uniform(1, 3)',
    '--uncertain',
    'actors.solo.human.catchProbability=triangular(0.8, 0.9, 0.95)',
  ];
  const n = (s: string | null | undefined) => (s === null || s === undefined ? null : Number(s));

  it('sensitivity: the tornado and Sobol rows carry the --json numbers', async () => {
    const args = ['sensitivity', ANALYTIC, ...uncertain, '-n', '500', '--sobol'];
    const { json, csv } = await both(...args, '--base-points', '20', '--repetitions', '20');
    const { tornado, sobol } = JSON.parse(json) as {
      tornado: TornadoResult;
      sobol: SobolResult;
    };
    const rows = csvRecords(csv);
    const find = (analysis: string, parameter: string | null, measure: string) => {
      const row = rows.find(
        (r) => r.analysis === analysis && r.parameter === parameter && r.measure === measure,
      );
      if (row === undefined) throw new Error(`no row ${analysis} ${parameter} ${measure}`);
      return [row.estimate, row.stderr, row.ci_low, row.ci_high].map(n);
    };
    const b = tornado.baseline;
    expect(find('tornado', null, 'baseline')).toEqual([b.p, b.stderr, ...b.ci95]);
    for (const bar of tornado.bars) {
      const s = bar.swing;
      expect(find('tornado', bar.parameter, 'swing')).toEqual([s.estimate, s.stderr, ...s.ci95]);
      const c = bar.high.change;
      expect(find('tornado', bar.parameter, 'change_at_95')).toEqual([
        c.estimate,
        c.stderr,
        ...c.ci95,
      ]);
      const at5 = rows.find((r) => r.parameter === bar.parameter && r.measure === 'p_at_5');
      expect(n(at5?.value ?? null)).toBe(bar.low.value);
    }
    for (const i of sobol.indices) {
      expect(find('sobol', i.parameter, 'first_order')).toEqual([
        i.first.estimate,
        null,
        ...i.first.ci,
      ]);
      expect(find('sobol', i.parameter, 'total_order')).toEqual([
        i.total.estimate,
        null,
        ...i.total.ci,
      ]);
    }
    expect(rows).toHaveLength(1 + 5 * tornado.bars.length + 1 + 2 * sobol.indices.length);
  });

  it('uncertainty: every outcome spread and safeguard figure, the same doubles', async () => {
    const args = ['uncertainty', ANALYTIC, ...uncertain, '--parameter-sets', '10'];
    const { json, csv } = await both(
      ...args,
      '--repetitions',
      '50',
      '--safeguard',
      'confidence-threshold',
      '--safeguard',
      'human-in-the-loop',
    );
    const result = JSON.parse(json) as UncertaintyResult;
    const rows = csvRecords(csv);
    const get = (outcome: string, parameter: string | null, measure: string) =>
      rows.find((r) => r.outcome === outcome && r.parameter === parameter && r.measure === measure);
    const use = result.outcomes.nuclearUse;
    expect(n(get('nuclearUse', null, 'mean')?.estimate)).toBe(use.mean.estimate);
    expect(n(get('nuclearUse', null, 'mean')?.stderr)).toBe(use.mean.stderr);
    const p95 = get('nuclearUse', null, 'p95');
    expect([p95?.estimate, p95?.ci_low, p95?.ci_high].map(n)).toEqual([
      use.p95.estimate,
      ...use.p95.ci95,
    ]);
    expect(n(get('nuclearUse', null, 'noise_share')?.estimate)).toBe(use.noiseShare);
    for (const g of result.safeguards) {
      expect(n(get('nuclearUse', g.name, 'lowers_risk')?.estimate)).toBe(g.lowersRisk.estimate);
      expect(n(get('nuclearUse', g.name, 'mean_reduction')?.stderr)).toBe(g.meanReduction.stderr);
    }
    const order = result.ranking?.order.join(' > ') ?? '';
    expect(n(get('nuclearUse', order, 'ranking_holds')?.estimate)).toBe(
      result.ranking?.holds.estimate,
    );
  });
});
