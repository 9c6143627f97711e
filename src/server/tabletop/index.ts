/** The tabletop exercise: seats, live play over WebSocket, recording and debrief (docs/tabletop.md). */
export { ManualClock, realClock, type TabletopClock } from './clock.ts';
export { ExerciseRegistry, type CreatedExercise } from './exercise-registry.ts';
export { exerciseRoutes } from './exercise-routes.ts';
export { playSocket, SOCKETS_PER_SEAT } from './play-socket.ts';
export { FACILITATOR, ownerOrFacilitator, principalOf, type Principal } from './principal.ts';
export type { SeatView, ExerciseView } from './exercise-views.ts';
export type { Debrief, DebriefDecision, BranchOutcome } from './debrief.ts';
export type { ClassView } from './class-view.ts';
export type { ExerciseState, PlayedAnswer, Question } from './exercise-schema.ts';
