import type { z } from 'zod';
import { ValidationError } from '../domain/errors.ts';
import { inputIssues } from '../domain/validate.ts';

/** Parses a mutation's `input` argument; each issue names its field as the API shows it (`input.steps.0.senderId`). */
export function parseMutationInput<S extends z.ZodType>(schema: S, input: unknown, at = 'input'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(inputIssues(schema, input).map((i) => ({ ...i, field: `${at}.${i.field}` })));
}
