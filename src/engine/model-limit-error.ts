/**
 * A scenario asks for more than the engine can hold (events pending at once, tracks in one trace):
 * the scenario's to fix, not a fault of the program. The CLI exits 2 on it, the API answers 422.
 */
export class ModelLimitError extends Error {}
// On the prototype, not an instance field, so the stack (captured in Error's constructor) names it.
ModelLimitError.prototype.name = 'ModelLimitError';

/**
 * True for a ModelLimitError, also one thrown on a worker thread: those arrive as plain errors
 * whose stack still begins with the name.
 */
export function isModelLimit(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'ModelLimitError' || error.stack?.startsWith('ModelLimitError:') === true;
}
