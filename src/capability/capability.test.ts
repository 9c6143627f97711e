/**
 * M6 in numbers: hand-checked values, then the invariants the issue asks for, over random valid
 * inputs (fast-check, fixed seeds). "Never rises" is checked exactly, bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeCapability,
  DEFAULT_SCALING_LAW,
  MAX_ERROR,
  MAX_GAP,
  usableAccelerators,
  type CapabilityInputs,
  type Hardware,
} from './index.ts';

const DOMAINS = ['ballistic', 'air', 'naval', 'land'] as const;
type D = (typeof DOMAINS)[number];
const perDomain = (f: (d: D) => number) =>
  Object.fromEntries(DOMAINS.map((d) => [d, f(d)])) as Record<D, number>;

const reference: CapabilityInputs<D> = {
  hardware: {
    count: 500,
    peakTflops: 312,
    boardPowerW: 400,
    hostOverhead: 1.8,
    availableMW: 0.5,
    pue: 2,
  },
  days: 30,
  utilisation: 0.25,
  data: {
    samples: 1e6,
    mix: { ballistic: 0.05, air: 0.2, naval: 0.05, land: 0.7 },
    simulatedShare: 0.3,
    realismDiscount: 0.5,
    transfer: { ballistic: 0.05, air: 0.2, naval: 0.1, land: 0.1 },
  },
  falsePositiveShare: 0.25,
};

describe('computeCapability, by hand', () => {
  const c = computeCapability(reference);

  it('caps accelerators by power: floor(0.5 MW / (400 W × 1.8 × 2)) = 347 < 500', () => {
    expect(c.wattsPerAccelerator).toBe(1440);
    expect(c.powerCap).toBe(347);
    expect(c.usable).toBe(347);
    expect(c.binding).toBe('power');
  });

  it('computes training compute as usable × peak × utilisation × days × 86,400 s', () => {
    expect(c.computeFlop).toBeCloseTo(347 * 312e12 * 0.25 * 30 * 86400, -8);
  });

  it('discounts simulated and transferred data and measures the shift', () => {
    const w = 1 - 0.3 * 0.5;
    const b = c.domains.ballistic;
    expect(b.effectiveSamples).toBeCloseTo(1e6 * w * (0.05 + 0.05 * 0.95), 6);
    expect(b.shift).toBeCloseTo(1 - (w * 0.05) / (0.05 + 0.05 * 0.95), 12);
  });

  it('applies the law, the shift penalty and the operating point', () => {
    const law = DEFAULT_SCALING_LAW;
    const b = c.domains.ballistic;
    const computeTerm = law.computeError * (c.computeFlop / law.referenceCompute) ** -0.154;
    const dataTerm = law.dataError * (b.effectiveSamples / law.referenceSamples) ** -0.28;
    const error = (law.floor + computeTerm + dataTerm) * (1 + law.shiftPenalty * b.shift);
    expect(b.error).toBeCloseTo(error, 12);
    expect(b.falsePositive).toBeCloseTo(2 * error * 0.25, 12);
    expect(b.falseNegative).toBeCloseTo(2 * error * 0.75, 12);
    expect((b.falsePositive + b.falseNegative) / 2).toBeCloseTo(b.error, 12);
    expect(b.calibrationGap).toBeCloseTo(0.03 + 0.2 * b.shift, 12);
  });

  it('gives the drone-heavy mix its lowest error on land and its highest where data is scarce', () => {
    const err = perDomain((d) => c.domains[d].error);
    expect(err.land).toBeLessThan(err.air);
    expect(err.air).toBeLessThan(err.ballistic);
    expect(err.ballistic).toBeLessThan(err.naval);
  });

  it('binds on accelerators when the power would run more', () => {
    const more = computeCapability({
      ...reference,
      hardware: { ...reference.hardware, availableMW: 10 },
    });
    expect(more.usable).toBe(500);
    expect(more.binding).toBe('accelerators');
  });

  it('falls to a coin flip with no accelerators or no data, and never to NaN', () => {
    const none = computeCapability({ ...reference, hardware: { ...reference.hardware, count: 0 } });
    const blind = computeCapability({ ...reference, data: { ...reference.data, samples: 0 } });
    for (const c0 of [none, blind]) {
      for (const d of DOMAINS) {
        expect(c0.domains[d].error).toBe(MAX_ERROR);
        expect(c0.domains[d].falsePositive).toBe(2 * MAX_ERROR * 0.25);
      }
    }
    const noShift = computeCapability({
      ...reference,
      hardware: { ...reference.hardware, count: 0 },
      data: {
        ...reference.data,
        mix: { ballistic: 1, air: 0, naval: 0, land: 0 },
        simulatedShare: 0,
      },
      law: { ...DEFAULT_SCALING_LAW, shiftPenalty: 0 },
    });
    expect(noShift.domains.ballistic.error).toBe(MAX_ERROR);
    expect(noShift.domains.ballistic.limitedBy).toBe('compute');
  });

  it('counts a domain with no data and no transfer as fully shifted', () => {
    const c0 = computeCapability({
      ...reference,
      data: {
        ...reference.data,
        mix: { ballistic: 0, air: 0, naval: 0, land: 1 },
        transfer: perDomain(() => 0),
      },
    });
    expect(c0.domains.ballistic.shift).toBe(1);
    expect(c0.domains.ballistic.effectiveSamples).toBe(0);
    expect(c0.domains.ballistic.error).toBe(MAX_ERROR);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

/** Evenly spread numbers in [min, max] with the bounds themselves now and then. */
const num = (min: number, max: number) =>
  fc
    .oneof(
      { arbitrary: fc.noBias(fc.integer({ min: 0, max: 1 << 20 })), weight: 6 },
      { arbitrary: fc.constantFrom(0, 1 << 20), weight: 1 },
    )
    .map((i) => min + ((max - min) * i) / (1 << 20));
/** Log-uniform in [10^lo, 10^hi]: quantities that span orders of magnitude. */
const logNum = (lo: number, hi: number) => num(lo, hi).map((e) => 10 ** e);

const hardwareArb: fc.Arbitrary<Hardware> = fc.record({
  count: fc.integer({ min: 0, max: 200_000 }),
  peakTflops: logNum(0, 4),
  boardPowerW: logNum(1, 4),
  hostOverhead: num(1, 3),
  availableMW: logNum(-3, 3),
  pue: num(1, 3),
});

/** A mix that adds up to 1 (normalised positive weights, some domains often exactly 0). */
const mixArb = fc
  .tuple(
    ...DOMAINS.map(() =>
      fc.oneof({ arbitrary: num(0, 1), weight: 4 }, { arbitrary: fc.constant(0), weight: 1 }),
    ),
  )
  .filter((ws) => ws.some((w) => w > 0))
  .map((ws) => {
    const total = ws.reduce((a, b) => a + b, 0);
    return perDomain((d) => ws[DOMAINS.indexOf(d)] / total);
  });

const inputsArb: fc.Arbitrary<CapabilityInputs<D>> = fc.record({
  hardware: hardwareArb,
  days: num(0.1, 365),
  utilisation: num(0.01, 1),
  data: fc.record({
    samples: fc.oneof(logNum(0, 9), fc.constant(0)),
    mix: mixArb,
    simulatedShare: num(0, 1),
    realismDiscount: num(0, 1),
    transfer: fc.record({
      ballistic: num(0, 1),
      air: num(0, 1),
      naval: num(0, 1),
      land: num(0, 1),
    }),
  }),
  falsePositiveShare: num(0, 1),
  law: fc.record({
    floor: num(0, 0.1),
    computeError: num(0, 0.1),
    referenceCompute: logNum(18, 26),
    computeExponent: num(0, 1),
    dataError: num(0, 0.1),
    referenceSamples: logNum(3, 9),
    dataExponent: num(0, 1),
    shiftPenalty: num(0, 10),
    gapInDistribution: num(0, 0.2),
    gapPerShift: num(0, 0.5),
  }),
});
const domainArb = fc.constantFrom(...DOMAINS);
const factorArb = num(1, 100);
const runs = { numRuns: 1000 };

/** Every rate of every domain after is at most the same rate before. */
function noRateRises(before: CapabilityInputs<D>, after: CapabilityInputs<D>, only?: D): void {
  const b = computeCapability(before);
  const a = computeCapability(after);
  for (const d of only === undefined ? DOMAINS : [only]) {
    expect(a.domains[d].error).toBeLessThanOrEqual(b.domains[d].error);
    expect(a.domains[d].falsePositive).toBeLessThanOrEqual(b.domains[d].falsePositive);
    expect(a.domains[d].falseNegative).toBeLessThanOrEqual(b.domains[d].falseNegative);
  }
}

describe('M6 invariants (fast-check)', () => {
  it('usable = min(count, floor(MW·10⁶ / (board W × host × PUE))), exactly', () => {
    fc.assert(
      fc.property(hardwareArb, (h) => {
        const u = usableAccelerators(h);
        const cap = Math.floor((h.availableMW * 1e6) / (h.boardPowerW * h.hostOverhead * h.pue));
        expect(u.usable).toBe(Math.min(h.count, cap));
        expect(Number.isInteger(u.usable) && u.usable >= 0).toBe(true);
        expect(u.binding).toBe(cap < h.count ? 'power' : 'accelerators');
      }),
      { seed: 6001, numRuns: 5000 },
    );
  });

  it('keeps every output a valid probability', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const c = computeCapability(inputs);
        expect(c.usable).toBeLessThanOrEqual(inputs.hardware.count);
        for (const d of DOMAINS) {
          const x = c.domains[d];
          expect(x.error).toBeGreaterThanOrEqual(0);
          expect(x.error).toBeLessThanOrEqual(MAX_ERROR);
          for (const p of [x.falsePositive, x.falseNegative, x.shift]) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
          }
          expect(x.calibrationGap).toBeGreaterThanOrEqual(0);
          expect(x.calibrationGap).toBeLessThanOrEqual(MAX_GAP);
        }
      }),
      { seed: 6002, ...runs },
    );
  });

  it('error never rises with more accelerators', () => {
    fc.assert(
      fc.property(inputsArb, fc.integer({ min: 0, max: 100_000 }), (inputs, extra) => {
        const hardware = { ...inputs.hardware, count: inputs.hardware.count + extra };
        noRateRises(inputs, { ...inputs, hardware });
      }),
      { seed: 6003, ...runs },
    );
  });

  it('error never rises with more power', () => {
    fc.assert(
      fc.property(inputsArb, factorArb, (inputs, k) => {
        const hardware = { ...inputs.hardware, availableMW: inputs.hardware.availableMW * k };
        noRateRises(inputs, { ...inputs, hardware });
      }),
      { seed: 6004, ...runs },
    );
  });

  it('error never rises with more training days', () => {
    fc.assert(
      fc.property(inputsArb, factorArb, (inputs, k) => {
        noRateRises(inputs, { ...inputs, days: inputs.days * k });
      }),
      { seed: 6005, ...runs },
    );
  });

  it('error never rises with more data of the same mix', () => {
    fc.assert(
      fc.property(inputsArb, factorArb, (inputs, k) => {
        noRateRises(inputs, {
          ...inputs,
          data: { ...inputs.data, samples: inputs.data.samples * k },
        });
      }),
      { seed: 6006, ...runs },
    );
  });

  it("a domain's error never rises when data from that domain is added", () => {
    fc.assert(
      fc.property(inputsArb, domainArb, logNum(0, 8), (inputs, d, added) => {
        const { samples, mix } = inputs.data;
        const total = samples + added;
        const after = perDomain((e) => (samples * mix[e] + (e === d ? added : 0)) / total);
        noRateRises(inputs, { ...inputs, data: { ...inputs.data, samples: total, mix: after } }, d);
      }),
      { seed: 6007, ...runs },
    );
  });

  it("moving data share toward a domain never raises that domain's error, shift or over-confidence", () => {
    fc.assert(
      fc.property(inputsArb, domainArb, num(0, 1), (inputs, d, lambda) => {
        const mix = perDomain((e) => (1 - lambda) * inputs.data.mix[e] + (e === d ? lambda : 0));
        const after = { ...inputs, data: { ...inputs.data, mix } };
        noRateRises(inputs, after, d);
        const b = computeCapability(inputs).domains[d];
        const a = computeCapability(after).domains[d];
        expect(a.shift).toBeLessThanOrEqual(b.shift);
        expect(a.calibrationGap).toBeLessThanOrEqual(b.calibrationGap);
      }),
      { seed: 6008, ...runs },
    );
  });

  it('over-confidence never falls as the simulated share or its discount grows', () => {
    fc.assert(
      fc.property(inputsArb, num(0, 1), num(0, 1), (inputs, s, r) => {
        const data = {
          ...inputs.data,
          simulatedShare: Math.max(s, inputs.data.simulatedShare),
          realismDiscount: Math.max(r, inputs.data.realismDiscount),
        };
        const b = computeCapability(inputs);
        const a = computeCapability({ ...inputs, data });
        for (const d of DOMAINS) {
          expect(a.domains[d].shift).toBeGreaterThanOrEqual(b.domains[d].shift);
          expect(a.domains[d].calibrationGap).toBeGreaterThanOrEqual(b.domains[d].calibrationGap);
          expect(a.domains[d].error).toBeGreaterThanOrEqual(b.domains[d].error);
        }
      }),
      { seed: 6009, ...runs },
    );
  });
});
