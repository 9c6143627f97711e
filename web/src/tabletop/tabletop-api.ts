import { request } from '../api/client.ts';
import { seatToken } from '../api/seat-token.ts';
import type { ScenarioRef } from '../api/types.ts';
import type { ClassView, ExerciseView, SeatView } from '../../../src/server/tabletop/index.ts';

export type { ClassView, ExerciseView, SeatView };
export type { DebriefDecision, BranchOutcome } from '../../../src/server/tabletop/index.ts';

export interface NewExercise {
  readonly scenario: ScenarioRef;
  readonly label: string;
  readonly className?: string;
  readonly people: readonly string[];
  readonly compression?: number;
  readonly pointSeconds?: number;
  readonly seed?: number;
  readonly trial?: number;
}

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const at = (id: string) => `/exercises/${encodeURIComponent(id)}`;

/** The tabletop endpoints (docs/tabletop.md): the facilitator's, then a player's seat. */
export const tabletopApi = {
  create: (body: NewExercise) =>
    request<{ id: string; seats: { actor: string; kind: string; token: string | null }[] }>(
      '/exercises',
      post(body),
    ),
  list: () => request<{ exercises: Omit<ExerciseView, 'debrief' | 'answers'>[] }>('/exercises'),
  exercise: (id: string) => request<ExerciseView>(at(id)),
  start: (id: string) => request<{ status: string }>(`${at(id)}/start`, post({})),
  stop: (id: string) => request<{ status: string }>(`${at(id)}/stop`, post({})),
  classView: (name: string) => request<ClassView>(`/classes/${encodeURIComponent(name)}`),
  seat: () => request<SeatView>('/seat'),
  join: (name: string) => request<SeatView>('/seat/join', post({ name })),
  /** The play socket's URL; a browser cannot set headers on it, so the seat token is in the query. */
  playUrl: () => {
    const { protocol, host, pathname } = window.location;
    const token = seatToken() ?? '';
    return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${pathname}api/play?token=${encodeURIComponent(token)}`;
  },
};
