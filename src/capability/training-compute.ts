const SECONDS_PER_DAY = 86_400;

/**
 * Training compute in FLOP: usable × peak × utilisation × days × 86,400 s. Utilisation is the
 * share of peak a real training run sustains (model FLOPs utilisation).
 */
export function trainingCompute(
  usable: number,
  peakTflops: number,
  utilisation: number,
  days: number,
): number {
  return usable * (peakTflops * 1e12) * utilisation * days * SECONDS_PER_DAY;
}
