/** The fixed vocabulary every scenario and the engine share. Order matters: indices are used in typed arrays. */

/** Observation domains (M1); `land` includes low-altitude drones. */
export const DOMAINS = ['ballistic', 'air', 'naval', 'land'] as const;
export type Domain = (typeof DOMAINS)[number];

/** Kinds of track (M1): genuine hostile activity, benign but ambiguous activity, sensor false alarm. */
export const TRACK_KINDS = ['genuine', 'benign', 'falseAlarm'] as const;
export type TrackKind = (typeof TRACK_KINDS)[number];

/** The escalation ladder (M4), lowest first. Reaching `limited_nuclear_use` or above is nuclear use. */
export const RUNGS = [
  'stable',
  'alert',
  'conventional_incident',
  'conventional_strike',
  'nuclear_alert',
  'limited_nuclear_use',
  'general_nuclear_war',
] as const;
export type Rung = (typeof RUNGS)[number];
export const NUCLEAR_USE_RUNG = RUNGS.indexOf('limited_nuclear_use');

/** Decision authority (M3). */
export const AUTHORITY_MODES = ['human_in_the_loop', 'human_on_the_loop', 'autonomous'] as const;
export type AuthorityMode = (typeof AUTHORITY_MODES)[number];

/** What the doctrine does when nobody decides inside the window (M3). */
export const TIMEOUT_DEFAULTS = ['launch_on_warning', 'launch_under_attack', 'ride_out'] as const;
export type TimeoutDefault = (typeof TIMEOUT_DEFAULTS)[number];

/** How an actor answers a perceived rise of the other side (M4). */
export const ANSWERS = ['match', 'escalate', 'hold', 'deescalate'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Causes of the first nuclear use (M7), from the originating event of its causal chain. */
export const CAUSES = [
  'false_alarm',
  'decapitation_misread',
  'escalation_spiral',
  'deliberate',
] as const;
export type Cause = (typeof CAUSES)[number];
