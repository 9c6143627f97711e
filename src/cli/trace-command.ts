import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  DEFAULT_MAX_TRACE_EVENTS,
  DEFAULT_SEED,
  excerpt,
  InputError,
  readInputFile,
  recordedTrace,
  replayedTrace,
  traceTrial,
  type TraceResult,
} from '../index.ts';
import {
  addMaxEventsOption,
  collect,
  integer,
  loadForCommand,
  orThrow,
  SAFEGUARD_HELP,
  SET_HELP,
} from './arguments.ts';
import { causeAndOrigin, formatClock } from './format.ts';
import type { CliIo } from './io.ts';

interface TraceFlags {
  seed: number;
  trial?: number;
  set?: string[];
  safeguard?: string[];
  all?: boolean;
  json?: boolean;
  recordDecisions?: string;
  replayDecisions?: string;
  maxEvents: number;
  maxTraceEvents: number;
}

export function registerTrace(program: Command, io: CliIo): void {
  const command = program
    .command('trace')
    .summary("tell one trial's causal chain, event by event")
    .description(
      'Replay one trial from its seed and index alone and print what happened, in plain words: ' +
        'tracks, labels and confidences, decisions, rung changes, outages, and how it ended. ' +
        '`petrov run` lists trials worth tracing (those that ended in nuclear use).',
    )
    .argument('<file>', 'scenario YAML file')
    .option('-s, --seed <s>', 'seed of the run', integer(0), DEFAULT_SEED)
    .option(
      '-t, --trial <i>',
      'trial index within the run (required unless --replay-decisions)',
      integer(0),
    )
    .option('--set <path=value>', SET_HELP, collect)
    .option('--safeguard <name>', SAFEGUARD_HELP, collect)
    .option('--all', 'also show tracks labelled benign (hidden by default: they change nothing)')
    .option('--json', 'print the trace as JSON')
    .option(
      '--record-decisions <file>',
      "write every decision of the trial, both sides', to a JSON recording (docs/agents.md)",
    )
    .option(
      '--replay-decisions <file>',
      'replay a recording: its seed, trial and every decision, refusing a trial that asks other questions',
    )
    .option(
      '--max-trace-events <n>',
      'cap on the events a trace records (default 200,000)',
      integer(1, 1e8),
      DEFAULT_MAX_TRACE_EVENTS,
    );
  addMaxEventsOption(command)
    .addHelpText(
      'after',
      `
Examples:
  petrov trace scenarios/korean-peninsula-2026.yaml --seed 1 --trial 42
  petrov trace scenarios/analytic-single-sensor.yaml --trial 3 --all
  petrov trace scenarios/korean-peninsula-2026.yaml --trial 42 --json
  petrov trace scenarios/korean-peninsula-2026.yaml --trial 42 --record-decisions t42.json
  petrov trace scenarios/korean-peninsula-2026.yaml --replay-decisions t42.json`,
    )
    .action((file: string, flags: TraceFlags) => {
      const loaded = loadForCommand(file, flags.set, flags.safeguard);
      let trace: TraceResult;
      if (flags.replayDecisions !== undefined) {
        trace = replayedTrace(loaded, readRecording(flags.replayDecisions), flags.replayDecisions);
      } else if (flags.trial === undefined) {
        throw new InputError([
          {
            path: '--trial',
            message: 'required (the trial to trace), unless --replay-decisions gives it',
          },
        ]);
      } else if (flags.recordDecisions !== undefined) {
        const recorded = recordedTrace(loaded, flags.seed, flags.trial);
        writeFileSync(flags.recordDecisions, `${JSON.stringify(recorded.recording, null, 2)}\n`);
        io.err(
          `recorded ${recorded.recording.decisions.length} decisions to ${flags.recordDecisions}\n`,
        );
        trace = recorded.trace;
      } else {
        trace = traceTrial(loaded, flags.seed, flags.trial, undefined, {
          maxEvents: flags.maxEvents,
          maxTraceEvents: flags.maxTraceEvents,
        });
      }
      io.out(
        flags.json ? `${JSON.stringify(trace, null, 2)}\n` : traceText(trace, flags.all === true),
      );
    });
}

/** Hides benign-labelled tracks (and their label) unless asked: they are most of the events. */
function traceText(trace: TraceResult, all: boolean): string {
  const lines = [
    `Trial ${trace.trial} of seed ${trace.seed} — ${trace.scenario.name}`,
    trace.nuclearUse
      ? `Ended in NUCLEAR USE on day ${trace.day?.toFixed(2)}; cause: ${causeAndOrigin(trace.cause ?? '', trace.origin)}`
      : 'Ended without nuclear use.',
    ...(trace.chain.length > 0 ? [`Chain: ${trace.chain.join(' → ')}`] : []),
    ...(trace.generalWar
      ? [`The crisis went on to GENERAL NUCLEAR WAR on day ${trace.generalWarDay?.toFixed(2)}.`]
      : []),
    `Highest rung: ${Object.entries(trace.highestRung)
      .map(([a, r]) => `${a} ${r.replaceAll('_', ' ')}`)
      .join(', ')}`,
    '',
  ];
  let hidden = 0;
  const events = trace.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const quietTrack = e.kind === 'track' && events[i + 1]?.kind === 'labelBenign';
    if (!all && (quietTrack || e.kind === 'labelBenign')) {
      if (quietTrack) hidden++;
      continue;
    }
    lines.push(`${formatClock(e.minute).padEnd(16)} ${(e.actor ?? '').padEnd(10)} ${e.text}`);
  }
  if (hidden > 0) lines.push('', `(${hidden} tracks labelled benign not shown; --all shows them)`);
  return `${lines.join('\n')}\n`;
}

/** A recording file's JSON; unreadable or malformed files are input errors naming the file. */
/** A decision recording is a few kilobytes per trial; far more is not a recording. */
const MAX_RECORDING_BYTES = 16 * 1024 * 1024;

function readRecording(file: string): unknown {
  const text = orThrow(readInputFile(file, MAX_RECORDING_BYTES, 'the recording'));
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = excerpt(error instanceof Error ? error.message : String(error), 120);
    throw new InputError([
      { source: file, path: '', message: `cannot read the recording: ${message}` },
    ]);
  }
}
