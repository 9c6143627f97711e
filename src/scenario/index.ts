export * from './vocabulary.ts';
export { scenarioSchema, type ScenarioInput } from './schema.ts';
export {
  resolveScenario,
  resolveScenarioObject,
  type ResolvedScenario,
  type ResolvedActor,
} from './resolve.ts';
export { loadScenarioText, type LoadedScenario, type LoadOptions } from './load.ts';
export { loadScenarioFile } from './load-file.ts';
export { hashScenario, canonicalJson } from './hash.ts';
export { scenarioJsonSchema } from './json-schema.ts';
export { fieldReferenceMarkdown } from './field-reference.ts';
