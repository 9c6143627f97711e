import { z } from 'zod';
import type { DeepReadonly } from '../util/index.ts';
import { DOMAINS, RUNGS } from './vocabulary.ts';

/** Agents a scenario can name for an actor (`actors.<id>.agent.type`). */
export const AGENT_TYPES = ['doctrine', 'scripted'] as const;
export type AgentType = (typeof AGENT_TYPES)[number];

/** Probabilities of a row must sum to 1 within this. */
const SUM_TOLERANCE = 1e-9;

const share = (what: string) =>
  z.number().min(0).max(1).default(0).describe(`P(${what}) in this situation; default 0.`);

const range = (lo: number, hi: number, what: string) =>
  z
    .tuple([z.number().min(lo).max(hi), z.number().min(lo).max(hi)])
    .refine(([a, b]) => a <= b, { message: 'a band is [low, high] with low ≤ high' })
    .optional()
    .describe(`Band of ${what}, [low, high], both included.`);

const rungRange = (what: string) =>
  z
    .tuple([z.enum(RUNGS), z.enum(RUNGS)])
    .refine(([a, b]) => RUNGS.indexOf(a) <= RUNGS.indexOf(b), {
      message: 'a band of rungs is [lower, higher]',
    })
    .optional()
    .describe(`Band of ${what}, [lowest, highest] rung, both included.`);

const when = z
  .strictObject({
    ownRung: rungRange('the side’s own rung'),
    perceivedRung: rungRange('the other side’s rung as perceived'),
    confidence: range(0, 1, 'reported confidence of the hostile label (alerts)'),
    windowMinutes: range(0, 1e6, 'minutes left to decide (alerts)'),
    domains: z
      .array(z.enum(DOMAINS))
      .min(1)
      .max(DOMAINS.length)
      .optional()
      .describe('Domains of the track (alerts).'),
    byAi: z.boolean().optional().describe('Whether the AI labelled the track (alerts).'),
    confirmed: z
      .boolean()
      .optional()
      .describe('Whether a second phenomenology confirmed it (alerts).'),
    linkUp: z.boolean().optional().describe('Whether the link to leadership is up.'),
  })
  .optional()
  .describe('The situation band the row applies to; absent fields match anything.');

/** Rejects a row whose probabilities of the legal choices do not sum to 1. */
function sumsToOne(choices: readonly string[]) {
  return (r: Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
    const sum = choices.reduce((total, c) => total + Number(r[c] ?? 0), 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      ctx.addIssue({
        code: 'custom',
        message: `${choices.join(' + ')} must sum to 1, not ${Number(sum.toPrecision(12))}`,
      });
    }
  };
}

const alertRow = z
  .strictObject({
    when,
    approve: share('approve: act on the warning'),
    veto: share('veto'),
    defer: share('defer to the doctrine default'),
    minutes: z
      .number()
      .min(0)
      .max(1e6)
      .default(0)
      .describe('Minutes the decision takes; later than the window, the doctrine default acts.'),
  })
  .superRefine(sumsToOne(['approve', 'veto', 'defer']));

const riseRow = z
  .strictObject({
    when,
    match: share('match the perceived rung'),
    escalate: share('escalate one rung above it'),
    hold: share('hold'),
    deescalate: share('step down one rung'),
  })
  .superRefine(sumsToOne(['match', 'escalate', 'hold', 'deescalate']));

const outageRow = z
  .strictObject({
    when,
    act: share('act on the outage as decapitation'),
    hold: share('hold'),
  })
  .superRefine(sumsToOne(['act', 'hold']));

const table = <T extends z.ZodType>(rowSchema: T, point: string) =>
  z
    .array(rowSchema)
    .min(1)
    .max(100)
    .optional()
    .describe(
      `Rows for ${point}, tried in order: the first whose band matches decides; if none matches (or no table is given) the doctrine agent decides.`,
    );

const scripted = z
  .strictObject({
    type: z.literal('scripted').describe('Choices from the tables below.'),
    alert: table(alertRow, 'an alert (approve, veto, defer to the doctrine default)'),
    rise: table(riseRow, 'a perceived rise (match, escalate, hold, deescalate)'),
    outage: table(outageRow, 'a long outage (act on it as decapitation, or hold)'),
  })
  .describe('A stated doctrine: situation bands → probabilities of each legal decision.');

const doctrine = z
  .strictObject({
    type: z
      .literal('doctrine')
      .describe('The scenario’s own doctrine and human model (authority, human, answer, comms).'),
  })
  .describe('The built-in doctrine agent.');

/** Who decides for an actor: the built-in doctrine (default) or a scripted table. */
export const agentSchema = z
  .discriminatedUnion('type', [doctrine, scripted], {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `unknown agent type: expected one of ${AGENT_TYPES.join(', ')}`
        : undefined,
  })
  .default({ type: 'doctrine' })
  .describe(
    'Who makes this side’s choices (docs/agents.md): `doctrine` (default) or `scripted` tables.',
  );

export type AgentInput = z.input<typeof agentSchema>;
export type AgentConfig = z.output<typeof agentSchema>;
export type ScriptedConfig = DeepReadonly<Extract<AgentConfig, { type: 'scripted' }>>;
