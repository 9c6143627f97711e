import { describe, expect, it } from 'vitest';
import { TraceKind } from '../src/engine/index.ts';
import { TRACE_KIND_COLOURS } from '../web/src/charts/trace-lanes.ts';

/** Kinds the timeline never draws as dots: benign labels are ticks, outages are bars. */
const NOT_DOTS = new Set(['labelBenign', 'outageStart', 'outageEnd']);

describe('the trace timeline', () => {
  it('gives every kind of event it draws a colour of its own', () => {
    const drawn = Object.keys(TraceKind).filter((k) => !NOT_DOTS.has(k));
    expect(drawn.filter((k) => TRACE_KIND_COLOURS[k] === undefined)).toEqual([]);
    const colours = drawn.map((k) => TRACE_KIND_COLOURS[k].toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
  });
});
