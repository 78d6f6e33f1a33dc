import type { z } from 'zod';
import { type FieldIssue, ValidationError } from './errors.ts';

/** Each problem zod found in `input`, naming its field. */
export function inputIssues(schema: z.ZodType, input: unknown): FieldIssue[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ field: issue.path.join('.') || 'input', message: issue.message }));
}

/** Throws one ValidationError listing every issue, if there is any. */
export function refuseIf(issues: FieldIssue[]): void {
  if (issues.length) throw new ValidationError(issues);
}

/** Parses domain input with a zod schema; failures become a ValidationError naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(inputIssues(schema, input));
}
