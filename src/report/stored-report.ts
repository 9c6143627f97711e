import { InputError } from '../util/index.ts';
import type { RunDetail } from '../store/index.ts';
import type { ReportInput } from './report-html.ts';
import { reproduceCommand } from './reproduce-command.ts';

/** A stored run's report input: its result, scenario text, options and the command that redoes it. */
export function storedReportInput(run: RunDetail): ReportInput {
  if (run.result === null) {
    throw new InputError([{ path: 'id', message: `run ${run.id} has no result (${run.status})` }]);
  }
  return {
    result: run.result,
    scenarioText: run.scenarioText,
    options: { ...run.options },
    command: reproduceCommand(run.kind, run.options, run.seed),
  };
}
