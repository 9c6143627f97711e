import { logFactorial, logGamma } from '../random/index.ts';

/**
 * Log likelihood of `observed` events over `exposure` trials when the model gave `simulated`
 * events over `repetitions` trials. The simulated rate is uncertain: under a Jeffreys prior its
 * posterior is Gamma(simulated + ½, repetitions), and integrating the Poisson likelihood over it
 * gives a negative binomial. So a stage never seen in simulation still has a finite likelihood,
 * and the Monte Carlo noise of the simulated rate widens it instead of being ignored.
 */
export function stageLogLikelihood(
  observed: number,
  exposure: number,
  simulated: number,
  repetitions: number,
): number {
  const a = Math.max(0, simulated) + 0.5;
  const k = observed;
  return (
    logGamma(k + a) -
    logGamma(a) -
    logFactorial(k) +
    a * Math.log(repetitions / (repetitions + exposure)) +
    (k > 0 ? k * Math.log(exposure / (repetitions + exposure)) : 0)
  );
}
