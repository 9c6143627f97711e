/** The data centre: accelerators wanted and the power that runs them. */
export interface Hardware {
  /** Accelerators available to training (a whole number, at least 0). */
  readonly count: number;
  /** Peak dense throughput of one accelerator, TFLOP/s (10¹² operations per second). */
  readonly peakTflops: number;
  /** Board power of one accelerator at full load, watts. */
  readonly boardPowerW: number;
  /** Host share (CPUs, memory, network, fans) as a multiplier on board power; 1 = board only. */
  readonly hostOverhead: number;
  /** Power the data centre can draw, megawatts (more than 0). */
  readonly availableMW: number;
  /** Power usage effectiveness: facility power / IT power (at least 1). */
  readonly pue: number;
}

export type HardwareBinding = 'accelerators' | 'power';

export interface UsableAccelerators {
  /** Facility watts one running accelerator costs: boardPowerW × hostOverhead × pue. */
  readonly wattsPerAccelerator: number;
  /** How many accelerators the power can run: floor(availableMW × 10⁶ / wattsPerAccelerator). */
  readonly powerCap: number;
  /** min(count, powerCap). */
  readonly usable: number;
  /** `power` when the power cap is below the count, else `accelerators`. */
  readonly binding: HardwareBinding;
}

/**
 * usable = min(count, floor(availableMW × 10⁶ / (boardPowerW × hostOverhead × pue))), evaluated in
 * exactly this order in floating point (the property tests check the equality bit for bit).
 */
export function usableAccelerators(h: Hardware): UsableAccelerators {
  const wattsPerAccelerator = h.boardPowerW * h.hostOverhead * h.pue;
  const powerCap = Math.floor((h.availableMW * 1e6) / wattsPerAccelerator);
  const usable = Math.min(h.count, powerCap);
  return {
    wattsPerAccelerator,
    powerCap,
    usable,
    binding: powerCap < h.count ? 'power' : 'accelerators',
  };
}
