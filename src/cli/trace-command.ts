import type { Command } from 'commander';
import { DEFAULT_MAX_TRACE_EVENTS, DEFAULT_SEED, traceTrial, type TraceResult } from '../index.ts';
import {
  addMaxEventsOption,
  collect,
  integer,
  loadForCommand,
  SAFEGUARD_HELP,
  SET_HELP,
} from './arguments.ts';
import { formatClock } from './format.ts';
import type { CliIo } from './io.ts';

interface TraceFlags {
  seed: number;
  trial: number;
  set?: string[];
  safeguard?: string[];
  all?: boolean;
  json?: boolean;
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
    .requiredOption('-t, --trial <i>', 'trial index within the run', integer(0))
    .option('--set <path=value>', SET_HELP, collect)
    .option('--safeguard <name>', SAFEGUARD_HELP, collect)
    .option('--all', 'also show tracks labelled benign (hidden by default: they change nothing)')
    .option('--json', 'print the trace as JSON')
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
  petrov trace scenarios/korean-peninsula-2026.yaml --trial 42 --json`,
    )
    .action((file: string, flags: TraceFlags) => {
      const loaded = loadForCommand(file, flags.set, flags.safeguard);
      const trace = traceTrial(loaded, flags.seed, flags.trial, {
        maxEvents: flags.maxEvents,
        maxTraceEvents: flags.maxTraceEvents,
      });
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
      ? `Ended in NUCLEAR USE on day ${trace.day?.toFixed(2)}; cause: ${trace.cause?.replaceAll('_', ' ')} (${trace.origin})`
      : 'Ended without nuclear use.',
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
