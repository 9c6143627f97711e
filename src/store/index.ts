/** The run registry: every `petrov run` and `petrov compare`, and the server's runs, in SQLite. */
export { dbPath, DB_FILE, type DbPathOptions } from './data-path.ts';
export { migrate, MIGRATIONS, type Migration } from './migrations.ts';
export { ownerAlive, currentOwner, type Owner } from './owner.ts';
export {
  headlineOf,
  type Headline,
  type NewRun,
  type RunDetail,
  type RunEnd,
  type RunKind,
  type RunStatus,
  type RunSummaryRow,
  type StoredOptions,
  type StoredResult,
} from './run-record.ts';
export {
  RunStore,
  type RemoveOutcome,
  type RunListing,
  type SkippedRow,
  type StoreOptions,
} from './run-store.ts';
export { recordRun, settleRun, type Settled } from './record-run.ts';
export { StoreError, storeError, type StoreAction } from './store-error.ts';
export {
  ExerciseStore,
  type ExerciseRow,
  type ExerciseStatus,
  type NewExercise,
} from './exercise-store.ts';
