import pkg from '../package.json' with { type: 'json' };

/** Petrov's version, recorded in every result so runs can be matched to the code that made them. */
export const VERSION: string = pkg.version;
