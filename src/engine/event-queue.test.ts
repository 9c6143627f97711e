import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';
import { isModelLimit, ModelLimitError } from './model-limit-error.ts';

interface Popped {
  time: number;
  type: number;
  actor: number;
  arg: number;
  origin: number;
}

/** Removes and returns the earliest event, as the simulator does: read the fields, then remove. */
function pop(q: EventQueue): Popped | undefined {
  const slot = q.peek();
  if (slot < 0) return undefined;
  const event = {
    time: q.timeAt(slot),
    type: q.type[slot],
    actor: q.actor[slot],
    arg: q.arg[slot],
    origin: q.origin[slot],
  };
  q.remove(slot);
  return event;
}

function drain(q: EventQueue): Popped[] {
  const out: Popped[] = [];
  for (let e = pop(q); e !== undefined; e = pop(q)) out.push(e);
  return out;
}

describe('EventQueue', () => {
  it('is empty at first: peek gives -1 and its time is Infinity', () => {
    const q = new EventQueue();
    expect(q.length).toBe(0);
    expect(q.peek()).toBe(-1);
    expect(q.timeAt(q.peek())).toBe(Infinity);
  });

  it('pops in time order whatever the insertion order, with every field intact', () => {
    const q = new EventQueue();
    q.push(5, 1, 0, 50, 3);
    q.push(1, 2, 1, 10, 1);
    q.push(3, 3, 0, 30, 2);
    q.push(0.5, 0, 1, 5, 4);
    expect(q.length).toBe(4);
    expect(drain(q)).toEqual([
      { time: 0.5, type: 0, actor: 1, arg: 5, origin: 4 },
      { time: 1, type: 2, actor: 1, arg: 10, origin: 1 },
      { time: 3, type: 3, actor: 0, arg: 30, origin: 2 },
      { time: 5, type: 1, actor: 0, arg: 50, origin: 3 },
    ]);
    expect(q.length).toBe(0);
  });

  it('breaks ties by insertion order, also after removals have moved slots around', () => {
    const q = new EventQueue();
    q.push(2, 0, 0, 1, 0);
    q.push(1, 0, 0, 99, 0);
    q.push(2, 0, 0, 2, 0);
    q.push(2, 0, 0, 3, 0);
    // Removing the earliest moves the last-inserted event into slot 1, ahead of arg 2 in the array.
    expect(pop(q)?.arg).toBe(99);
    q.push(2, 0, 0, 4, 0);
    expect(drain(q).map((e) => e.arg)).toEqual([1, 2, 3, 4]);
  });

  it('peek does not remove; remove of a middle slot keeps the others', () => {
    const q = new EventQueue();
    q.push(3, 0, 0, 3, 0);
    q.push(1, 0, 0, 1, 0);
    q.push(2, 0, 0, 2, 0);
    const first = q.peek();
    expect(q.peek()).toBe(first);
    expect(q.arg[first]).toBe(1);
    expect(q.length).toBe(3);
    // Remove the event at time 3 (slot 0), not the earliest.
    q.remove(0);
    expect(q.length).toBe(2);
    expect(drain(q).map((e) => e.time)).toEqual([1, 2]);
  });

  it('accepts Infinity and equal times, and clear empties it and restarts the tie order', () => {
    const q = new EventQueue();
    q.push(Infinity, 0, 0, 1, 0);
    q.push(7, 0, 0, 2, 0);
    q.clear();
    expect(q.length).toBe(0);
    expect(q.peek()).toBe(-1);
    q.push(4, 0, 0, 10, 0);
    q.push(4, 0, 0, 11, 0);
    q.push(Infinity, 0, 0, 12, 0);
    expect(drain(q).map((e) => e.arg)).toEqual([10, 11, 12]);
  });

  it('throws a clear error past its capacity, and holds exactly capacity events', () => {
    const q = new EventQueue(3);
    expect(q.capacity).toBe(3);
    q.push(1, 0, 0, 0, 0);
    q.push(2, 0, 0, 0, 0);
    q.push(3, 0, 0, 0, 0);
    expect(() => q.push(4, 0, 0, 0, 0)).toThrow(
      "more than 3 events pending at once: the scenario's rates are implausibly high",
    );
    expect(q.length).toBe(3);
    // Room again after a removal.
    q.remove(q.peek());
    expect(() => q.push(4, 0, 0, 0, 0)).not.toThrow();
    expect(drain(q).map((e) => e.time)).toEqual([2, 3, 4]);
  });

  it('overflows with a ModelLimitError, recognised also as a worker thread returns it', () => {
    const q = new EventQueue(1);
    q.push(0, 0, 0, 0, 0);
    let thrown: unknown;
    try {
      q.push(0, 0, 0, 0, 0);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ModelLimitError);
    expect(isModelLimit(thrown)).toBe(true);
    // Structured clone keeps a plain Error with the message and the stack, not the class.
    const cloned = Object.assign(new Error((thrown as Error).message), {
      stack: (thrown as Error).stack,
    });
    expect(isModelLimit(cloned)).toBe(true);
    expect(isModelLimit(new Error('other'))).toBe(false);
  });

  it('default capacity is 4096', () => {
    const q = new EventQueue();
    for (let i = 0; i < 4096; i++) q.push(i, 0, 0, i, 0);
    expect(() => q.push(0, 0, 0, 0, 0)).toThrow(/more than 4096 events pending/);
  });

  it('matches a stable sort under any interleaving of pushes and pops (property)', () => {
    // Small integer times make ties common.
    const op = fc.oneof(
      fc.record({ push: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ pop: fc.constant(true) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const q = new EventQueue(64);
        let reference: { time: number; id: number }[] = [];
        let id = 0;
        for (const o of ops) {
          if ('push' in o) {
            q.push(o.push, 0, 0, id, 0);
            reference.push({ time: o.push, id: id++ });
          } else {
            const got = pop(q);
            // A stable sort keeps insertion order among equal times.
            reference = [...reference].sort((a, b) => a.time - b.time);
            const want = reference.shift();
            expect(got === undefined ? undefined : { time: got.time, id: got.arg }).toEqual(want);
          }
          expect(q.length).toBe(reference.length);
        }
      }),
      { seed: 20260101, numRuns: 200 },
    );
  });
});
