import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { type FieldIssue, ValidationError } from '../api/domain/errors.ts';

const pluginName = 'inputGuard';

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      inputGuard: InputGuardPlugin<Types>;
    }
  }
}

/** Paths of every string in `value` for which `test` holds, as `input.name` or `ids.2`. */
function findStrings(value: unknown, test: (s: string) => boolean, path: string[] = []): string[] {
  if (typeof value === 'string') return test(value) ? [path.join('.')] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => findStrings(item, test, [...path, String(i)]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findStrings(item, test, [...path, key]));
  }
  return [];
}

/** Control characters other than tab and line breaks, or half of a surrogate pair: nothing a person types. */
function untypable(s: string): boolean {
  return /\p{Cc}/u.test(s.replace(/[\t\n\r]/g, '')) || !(s as string & { isWellFormed(): boolean }).isWellFormed();
}

/** PostgreSQL cannot store NUL in text, and no person types a control character: refused wherever they appear. */
function nulByteIssues(args: object): FieldIssue[] {
  return findStrings(args, untypable).map((field) => ({
    field,
    message: 'must not contain control characters (such as NUL, \\u0000) or broken Unicode',
  }));
}

/** Pothos reports a bad id without naming the argument; find the argument by its value. */
function globalIdIssues(args: object, error: unknown): FieldIssue[] | null {
  if (!(error instanceof Error) || error.name !== 'PothosValidationError') return null;
  const wrongType = /^ID: (.*) is not of type: (.+)$/s.exec(error.message);
  const malformed = /^Invalid global ID: (.*)$/s.exec(error.message);
  const id = wrongType?.[1] ?? malformed?.[1];
  if (id === undefined) return null;
  const message = wrongType ? `is not the id of a ${wrongType[2]}` : 'is not a Parley id';
  const fields = findStrings(args, (s) => s === id);
  return (fields.length ? fields : ['id']).map((field) => ({ field, message }));
}

/** Pothos refuses a negative page size in its own words; say it as `inbox(first:)` does. */
function pageSizeIssue(error: unknown): ValidationError | null {
  if (!(error instanceof Error) || error.name !== 'PothosValidationError') return null;
  const arg = /^Argument "(first|last)" must be a non-negative integer$/.exec(error.message)?.[1];
  return arg ? ValidationError.of(arg, 'must be at least 1') : null;
}

/** Pothos refuses a page cursor it cannot decode without naming the argument; name `after` or `before`. */
function cursorIssue(args: object, error: unknown): ValidationError | null {
  if (!(error instanceof Error) || error.name !== 'PothosValidationError') return null;
  if (!/^(Invalid cursor|Cursor must be a string)/.test(error.message)) return null;
  const given = args as { after?: unknown; before?: unknown };
  const arg = given.after != null ? 'after' : given.before != null ? 'before' : null;
  return arg ? ValidationError.of(arg, 'is not a page cursor this API returned') : null;
}

function translated(args: object, error: unknown): unknown {
  const issues = globalIdIssues(args, error);
  return issues ? new ValidationError(issues) : (pageSizeIssue(error) ?? cursorIssue(args, error) ?? error);
}

type PrismaSelect = (args: object, ...rest: unknown[]) => unknown;

/**
 * Checks every field's raw arguments before anything else runs: NUL bytes are
 * refused, and an id of the wrong type becomes a ValidationError naming the
 * argument, so the errors plugin can return it in the field's result union.
 */
export class InputGuardPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  /**
   * A Prisma relation connection (`Tenant.users`) reads its arguments while its
   * parent loads, in the parent's query, before its own resolver (wrapped
   * below) runs: check them there too, so a NUL or a malformed cursor is named.
   */
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const select = fieldConfig.extensions?.pothosPrismaSelect as PrismaSelect | undefined;
    if (typeof select !== 'function' || Object.keys(fieldConfig.args).length === 0) return fieldConfig;
    const guarded: PrismaSelect = (args, ...rest) => {
      const nul = nulByteIssues(args);
      if (nul.length) throw new ValidationError(nul);
      try {
        const result = select(args, ...rest);
        return result instanceof Promise
          ? result.catch((error) => Promise.reject(cursorIssue(args, error) ?? error))
          : result;
      } catch (error) {
        // Only the cursor: a bad page size here keeps its answer from bad-input.ts (the range it must be in).
        throw cursorIssue(args, error) ?? error;
      }
    };
    return { ...fieldConfig, extensions: { ...fieldConfig.extensions, pothosPrismaSelect: guarded } };
  }

  override wrapArgMappers(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    if (!resolver || Object.keys(fieldConfig.args).length === 0) return resolver;
    return (parent, args, context, info) => {
      const nul = nulByteIssues(args);
      if (nul.length) throw new ValidationError(nul);
      try {
        const result = resolver(parent, args, context, info);
        return result instanceof Promise ? result.catch((error) => Promise.reject(translated(args, error))) : result;
      } catch (error) {
        throw translated(args, error);
      }
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, InputGuardPlugin);
export default pluginName;
