/** A person's answer, as given, with how long it took and whether the window closed first. */
export interface PlayedAnswer {
  /** The question's number, from 1, over the whole exercise. */
  readonly question: number;
  readonly actor: string;
  readonly player: string | null;
  readonly point: string;
  /** Model minute when it was asked. */
  readonly minute: number;
  readonly choice: string;
  /** Model minutes it took (alerts), as the engine reads it. */
  readonly minutes: number;
  /** Real seconds it took, and the real seconds allowed. */
  readonly seconds: number;
  readonly limitSeconds: number;
  /** The decision window in model minutes (alerts); null elsewhere. */
  readonly windowMinutes: number | null;
  /** No answer in time: the doctrine default decided, and this says so. */
  readonly late: boolean;
}
