import { z } from 'zod';
import { DEFAULT_SCALING_LAW } from '../capability/index.ts';
import { DOMAINS, type Domain } from './vocabulary.ts';

/** Shares may be written to a few decimals (0.33 + 0.33 + 0.34); the model normalises them. */
export const SHARE_TOLERANCE = 1e-3;

const share = (description: string) => z.number().min(0).max(1).describe(description);

/** One field per domain, each defaulting to `fallback`. */
function perDomain(field: () => z.ZodNumber, fallback: number, description: string) {
  const shape = Object.fromEntries(DOMAINS.map((d) => [d, field().default(fallback)])) as Record<
    Domain,
    z.ZodDefault<z.ZodNumber>
  >;
  return z.strictObject(shape).prefault({}).describe(description);
}

const mix = z
  .strictObject(
    Object.fromEntries(
      DOMAINS.map((d) => [d, share('Share of the training samples from this domain.').default(0)]),
    ) as Record<Domain, z.ZodDefault<z.ZodNumber>>,
  )
  .prefault(Object.fromEntries(DOMAINS.map((d) => [d, 1 / DOMAINS.length])))
  .superRefine((m, ctx) => {
    const sum = DOMAINS.reduce((s, d) => s + m[d], 0);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
      ctx.addIssue({
        code: 'custom',
        message: `shares must add up to 1 (they add up to ${Number(sum.toPrecision(6))})`,
      });
    }
  })
  .describe(
    'Share of the training samples from each domain; must add up to 1. Domains left out are 0; the whole mix left out is uniform.',
  );

const law = DEFAULT_SCALING_LAW;
const positive = (description: string, fallback: number, max: number) =>
  z.number().gt(0).max(max).default(fallback).describe(description);
const nonNegative = (description: string, fallback: number) =>
  z.number().min(0).max(1e6).default(fallback).describe(description);

const scalingLaw = z
  .strictObject({
    floor: share('E: error that no compute or data removes.').default(law.floor),
    computeError: nonNegative(
      'A: compute term of the error at the reference compute.',
      law.computeError,
    ),
    referenceCompute: positive('C₀: reference training compute, FLOP.', law.referenceCompute, 1e35),
    computeExponent: nonNegative('α: exponent of the compute term.', law.computeExponent),
    dataError: nonNegative('B: data term of the error at the reference data.', law.dataError),
    referenceSamples: positive(
      'D₀: reference effective data, labelled samples.',
      law.referenceSamples,
      1e15,
    ),
    dataExponent: nonNegative('β: exponent of the data term.', law.dataExponent),
    shiftPenalty: nonNegative(
      'γ: error multiplier per unit of shift, error × (1 + γ·shift).',
      law.shiftPenalty,
    ),
    gapInDistribution: share('g₀: over-confidence with no shift, probability points.').default(
      law.gapInDistribution,
    ),
    gapPerShift: share('g₁: extra over-confidence per unit of shift, probability points.').default(
      law.gapPerShift,
    ),
  })
  .prefault({})
  .describe('Constants of the error law (M6); defaults and their sources in docs/capability.md.');

export const trainingSchema = z
  .strictObject({
    accelerators: z
      .strictObject({
        count: z
          .number()
          .int()
          .min(0)
          .max(1e8)
          .default(1000)
          .describe(
            'Accelerators (GPUs or similar) the training run could use, before the power cap.',
          ),
        peakTflops: positive(
          'Peak dense throughput of one accelerator, TFLOP/s (H100 SXM, BF16: 989).',
          989,
          1e6,
        ),
        boardPowerW: positive(
          'Board power of one accelerator at full load, watts (H100 SXM: 700).',
          700,
          1e5,
        ),
        hostOverhead: z
          .number()
          .min(1)
          .max(10)
          .default(1)
          .describe(
            'Multiplier on board power for the host share (CPUs, memory, network, fans); 1 counts the board only, DGX-class servers about 1.8.',
          ),
      })
      .prefault({})
      .describe('The accelerators.'),
    power: z
      .strictObject({
        availableMW: positive('Power the data centre can draw, megawatts.', 10, 1e5),
        pue: z
          .number()
          .min(1)
          .max(10)
          .default(1.58)
          .describe(
            'Power usage effectiveness: facility power / IT power (industry average 1.58).',
          ),
      })
      .prefault({})
      .describe(
        'Power: usable accelerators = min(count, availableMW·10⁶ / (boardPowerW·hostOverhead·pue)).',
      ),
    days: z.number().gt(0).max(3650).default(30).describe('Length of the training run, days.'),
    utilisation: z
      .number()
      .gt(0)
      .max(1)
      .default(0.4)
      .describe('Share of peak throughput the run sustains (model FLOPs utilisation).'),
    data: z
      .strictObject({
        samples: z
          .number()
          .min(0)
          .max(1e15)
          .default(1e6)
          .describe('Labelled training samples over all domains.'),
        mix,
        simulatedShare: share('Share of the samples that are simulated, not recorded.').default(0),
        realismDiscount: share(
          'Value a simulated sample loses against a recorded one (1: worthless).',
        ).default(0.5),
        transfer: perDomain(
          () => share('What one sample from another domain is worth for this domain (0–1).'),
          0.1,
          'Per domain: the worth, for it, of a sample from any other domain.',
        ),
      })
      .prefault({})
      .describe('The training data.'),
    falsePositiveShare: share(
      'Operating point: share of the errors that are false positives (FPR = 2·error·share, FNR = 2·error·(1 − share)).',
    ).default(0.5),
    calibratedWrongConfidence: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.6)
      .describe(
        'Median confidence a calibrated model reports on a wrong hostile label; the computed over-confidence is added to it to give ai.confidence.wrong.',
      ),
    law: scalingLaw,
  })
  .describe(
    'M6: derive this AI’s per-domain error rates and over-confidence from accelerators, power and training data (docs/capability.md). Replaces falsePositive, falseNegative and confidence.wrong, which are then computed.',
  );

export type TrainingOutput = z.output<typeof trainingSchema>;
