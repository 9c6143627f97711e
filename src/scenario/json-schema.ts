import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

/** JSON Schema of scenario files as written (defaults make fields optional). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://petrov.invalid/scenario.schema.json',
    title: 'Petrov scenario',
    ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
  };
}
