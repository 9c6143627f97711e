import {
  K,
  P_OUTAGE,
  PROCESSES_PER_ACTOR,
  SITE_KINDS,
  neutralTilt,
  siteIndex,
  type CompiledModel,
  type Tilt,
} from '../engine/index.ts';
import { z } from 'zod';
import { DOMAINS, issueParts, TRACK_KINDS } from '../scenario/index.ts';
import { excerpt, type Issue, type Result } from '../util/index.ts';

/**
 * A tilt by name, as results print it and `--tilt` reads it: only what differs from plain
 * sampling. Rates are multipliers ("north.ballistic.falseAlarm", "north.outage"); probabilities
 * replace a failure's probability ("north.ballistic.label", "north.ballistic.confidence",
 * "north.misread", "north.longOutage"; the kinds are listed in docs/rare-events.md).
 */
export interface TiltSpec {
  readonly rates: Readonly<Record<string, number>>;
  readonly probabilities: Readonly<Record<string, number>>;
}

const tiltEntries = z.record(z.string().max(100), z.number()).optional();
/** A tilt file: an object with `rates` and `probabilities`, each of names to numbers. */
const tiltSpecSchema = z.strictObject({ rates: tiltEntries, probabilities: tiltEntries });

/** A tilt file's text as a spec (JSON, then the schema); issues name the file and the field. */
export function parseTiltSpec(file: string, text: string): Result<TiltSpec> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = excerpt(error instanceof Error ? error.message : String(error), 120);
    return { ok: false, issues: [{ path: '', message: `not valid JSON: ${why}`, source: file }] };
  }
  const parsed = tiltSpecSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).flatMap(issueParts);
    return {
      ok: false,
      issues: issues.map(({ path, message }) => ({
        path: ['tilt', ...path].join('.'),
        message,
        source: file,
      })),
    };
  }
  const { rates = {}, probabilities = {} } = parsed.data;
  return { ok: true, value: { rates, probabilities } };
}

/** Every tiltable name of a model with its index in the tilt's arrays. */
export function tiltNames(model: CompiledModel): {
  rates: Map<string, number>;
  probabilities: Map<string, number>;
} {
  const A = model.actorCount;
  const rates = new Map<string, number>();
  const probabilities = new Map<string, number>();
  model.actorIds.forEach((actor, a) => {
    DOMAINS.forEach((domain, d) => {
      TRACK_KINDS.forEach((kind, k) =>
        rates.set(`${actor}.${domain}.${kind}`, a * PROCESSES_PER_ACTOR + d * K + k),
      );
    });
    rates.set(`${actor}.outage`, a * PROCESSES_PER_ACTOR + P_OUTAGE);
    SITE_KINDS.forEach((kind, s) => {
      if (kind === 'misread' || kind === 'longOutage') {
        probabilities.set(`${actor}.${kind}`, siteIndex(A, s, a, 0));
      } else {
        DOMAINS.forEach((domain, d) =>
          probabilities.set(`${actor}.${domain}.${kind}`, siteIndex(A, s, a, d)),
        );
      }
    });
  });
  return { rates, probabilities };
}

/** The tilt's non-neutral entries by name, rounded for reading (the run keeps the exact tilt). */
export function describeTilt(model: CompiledModel, tilt: Tilt): TiltSpec {
  const names = tiltNames(model);
  const pick = (map: Map<string, number>, values: Float64Array, neutral: (x: number) => boolean) =>
    Object.fromEntries(
      [...map].filter(([, i]) => !neutral(values[i])).map(([n, i]) => [n, values[i]]),
    );
  return {
    rates: pick(names.rates, tilt.rate, (x) => x === 1),
    probabilities: pick(names.probabilities, tilt.probability, Number.isNaN),
  };
}

/** Builds a tilt from a spec, naming every unknown or out-of-range entry. */
export function tiltFromSpec(
  model: CompiledModel,
  spec: TiltSpec,
): { ok: true; value: Tilt } | { ok: false; issues: Issue[] } {
  const tilt = neutralTilt(model.actorCount);
  const names = tiltNames(model);
  const issues: Issue[] = [];
  const fill = (
    group: keyof TiltSpec,
    map: Map<string, number>,
    target: Float64Array,
    valid: (x: number) => boolean,
    range: string,
  ) => {
    for (const [name, value] of Object.entries(spec[group] ?? {})) {
      const index = map.get(name);
      const path = `tilt.${group}.${name}`;
      if (index === undefined)
        issues.push({ path, message: `unknown ${group.slice(0, -1)} '${excerpt(name)}'` });
      else if (typeof value !== 'number' || !valid(value))
        issues.push({ path, message: `must be ${range}` });
      else target[index] = value;
    }
  };
  fill('rates', names.rates, tilt.rate, (x) => x > 0 && x <= 1e6, 'a multiplier in (0, 1e6]');
  fill('probabilities', names.probabilities, tilt.probability, (x) => x > 0 && x < 1, 'in (0, 1)');
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: tilt };
}

/** Plain arrays for worker messages and part files. */
export interface TiltJson {
  readonly rate: readonly number[];
  readonly probability: readonly (number | null)[];
}

export function tiltToJson(t: Tilt): TiltJson {
  return {
    rate: Array.from(t.rate),
    probability: Array.from(t.probability, (x) => (Number.isNaN(x) ? null : x)),
  };
}

export function tiltFromJson(json: TiltJson): Tilt {
  return {
    rate: Float64Array.from(json.rate),
    probability: Float64Array.from(json.probability, (x) => x ?? NaN),
  };
}
