/** The training data: how much, from which domains, how much of it simulated. */
export interface TrainingData<D extends string> {
  /** Labelled training samples over all domains (at least 0). */
  readonly samples: number;
  /** Share of the samples from each domain; normalised by their sum (the schema asks for 1). */
  readonly mix: Readonly<Record<D, number>>;
  /** Share of the samples that are simulated rather than recorded, in [0, 1]. */
  readonly simulatedShare: number;
  /** Value a simulated sample loses against a recorded one, in [0, 1]; 1 = worthless. */
  readonly realismDiscount: number;
  /** Per domain d: what one sample from any other domain is worth for d, in [0, 1]. */
  readonly transfer: Readonly<Record<D, number>>;
}

export interface DomainData {
  /** Normalised share of the samples from this domain. */
  readonly share: number;
  /** Samples from this domain, simulated ones discounted: samples × share × (1 − sim × discount). */
  readonly inDomainSamples: number;
  /** In-domain samples plus other domains' samples at the transfer discount. */
  readonly effectiveSamples: number;
  /** Share of what the model leans on for this domain that is not recorded data from it, in [0, 1]. */
  readonly shift: number;
}

/**
 * Effective data and shift per domain, with w = 1 − simulatedShare × realismDiscount:
 *   D_eff,d = samples × w × (τ_d + (1 − τ_d) × m_d)      (= w·samples·m_d + τ_d × w·samples·(1 − m_d))
 *   shift_d = 1 − w / (τ_d / m_d + 1 − τ_d)              (= 1 − w·m_d / (m_d + τ_d(1 − m_d)); 1 if m_d = 0)
 * Both are written so that each step is monotone in m_d in floating point too.
 */
export function effectiveData<D extends string>(data: TrainingData<D>): Record<D, DomainData> {
  const domains = Object.keys(data.mix) as D[];
  const total = domains.reduce((sum, d) => sum + data.mix[d], 0);
  const w = 1 - data.simulatedShare * data.realismDiscount;
  const out = {} as Record<D, DomainData>;
  for (const d of domains) {
    const share = total > 0 ? data.mix[d] / total : 0;
    const tau = data.transfer[d];
    const inDomainSamples = data.samples * share * w;
    const effectiveSamples = data.samples * w * (tau + (1 - tau) * share);
    const shift = share > 0 ? clamp01(1 - w / (tau / share + (1 - tau))) : 1;
    out[d] = { share, inDomainSamples, effectiveSamples, shift };
  }
  return out;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
