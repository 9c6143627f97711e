import { z } from 'zod';
import type { Segment } from './patch.ts';
import { scenarioSchema } from './schema.ts';

/** The range the schema allows a numeric field, and whether it must be a whole number. */
export interface FieldBounds {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/**
 * The schema of the plain number field at `path` (a field that takes one number or a list of them
 * per rung gives its number), or null when the path names no such field.
 */
export function numberField(path: readonly Segment[]): z.ZodNumber | null {
  let node: z.core.$ZodType = scenarioSchema;
  for (const segment of [...path, null]) {
    node = unwrap(node);
    if (segment === null) break;
    const def = node._zod.def;
    if (def.type === 'object') {
      const child = (def as z.core.$ZodObjectDef).shape[String(segment)];
      if (child === undefined) return null;
      node = child;
    } else if (def.type === 'record') node = (def as z.core.$ZodRecordDef).valueType;
    else if (def.type === 'array' && typeof segment === 'number') {
      node = (def as z.core.$ZodArrayDef).element;
    } else return null;
  }
  return node instanceof z.ZodNumber ? node : null;
}

/**
 * The bounds of the number field at `path` read from the schema (so truncation and range checks
 * cannot drift from validation), or null when the path names no plain number field.
 */
export function fieldBounds(path: readonly Segment[]): FieldBounds | null {
  const node = numberField(path);
  if (node === null) return null;
  return {
    min: node.minValue ?? -Infinity,
    max: node.maxValue ?? Infinity,
    integer: node.isInt,
  };
}

function unwrap(node: z.core.$ZodType): z.core.$ZodType {
  let current = node;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType };
    // A field that takes one number or a list of them (per rung) varies as its number.
    if (def.type === 'union') {
      const options = (current._zod.def as z.core.$ZodUnionDef).options;
      const number = options.find((o) => o instanceof z.ZodNumber);
      if (number === undefined) return current;
      current = number;
      continue;
    }
    const wrapper = ['default', 'prefault', 'optional', 'nullable', 'readonly'].includes(def.type);
    if (!wrapper || def.innerType === undefined) return current;
    current = def.innerType;
  }
}
