import {
  AgentError,
  CHOICE_NAMES,
  LEGAL_CHOICES,
  LEGAL_MASK,
  POINT_PHRASES,
  type Decision,
} from './decision-maker.ts';
import { rekey } from './branch.ts';
import { SeenKind } from './observation.ts';
import type { TrialContext } from './trial-context.ts';

/**
 * Puts the question in `ctx.observation` (begun, its point-specific fields set) to the actor's
 * decision-maker and returns its checked answer. `genuine` reaches only the draws. An illegal
 * answer is the agent's bug: it throws, never turns into a default.
 */
export function askDecision(
  ctx: TrialContext,
  point: number,
  actor: number,
  domain: number,
  genuine: boolean,
): Decision {
  const o = ctx.observation;
  o.ownRung = ctx.rung[actor];
  o.perceivedRung = ctx.perceived[actor];
  o.linkUp = ctx.inOutage[actor] === 0;
  const d = ctx.answer;
  d.choice = -1;
  d.minutes = 0;
  d.deferredToMachine = false;
  d.reason = '';
  // A branching trial takes its new random numbers here, so the answer is already the branch's.
  if (ctx.asked++ === ctx.branchAt) rekey(ctx, ctx.branchKey);
  ctx.draws.bind(point, actor, domain, genuine);
  ctx.agents[actor].decide(o, ctx.draws, d);
  const c = d.choice;
  // c & 31 differs from c for negatives, non-integers and NaN: none is a choice.
  if (c !== (c & 31) || (LEGAL_MASK[point] & (1 << c)) === 0 || !(d.minutes >= 0)) {
    illegal(ctx, point, actor, d);
  }
  ctx.see(actor, SeenKind.decision, c);
  return d;
}

/** Out of line, so the message's code does not weigh on inlining the hot path above. */
function illegal(ctx: TrialContext, point: number, actor: number, d: Decision): never {
  const choice = CHOICE_NAMES[d.choice] ?? String(d.choice);
  throw new AgentError(
    `agent ${ctx.agents[actor].name} of ${ctx.model.actorIds[actor]} answered ${choice} ` +
      `in ${d.minutes} minutes at ${POINT_PHRASES[point]}, which allows ` +
      LEGAL_CHOICES[point].map((l) => CHOICE_NAMES[l]).join(', '),
  );
}
