import {
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from './index.ts';

/**
 * A description a partner can act on: a sentence, not the element's name restated
 * ("The id.", "userId", "Tenant name").
 */
function meaningful(name: string, description: string | null | undefined): boolean {
  const text = description?.trim() ?? '';
  if (text.length < 12 || !/\s/.test(text)) return false;
  const words = (s: string) =>
    s
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/[^A-Za-z0-9]+/g, ' ')
      .trim()
      .toLowerCase();
  const bare = words(text).replace(/^(the|a|an) /, '');
  const named = words(name);
  const restated = [named, `${named}s`, named.replace(/ ids?$/, '')];
  return !restated.includes(bare);
}

/** Every element of the schema a partner sees, as `Type`, `Type.field`, `Type.field(arg)` or `Enum.VALUE`. */
function undescribed(types: GraphQLNamedType[]): string[] {
  const missing: string[] = [];
  const check = (path: string, name: string, description: string | null | undefined) => {
    if (!meaningful(name, description)) missing.push(path);
  };
  for (const type of types) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    check(type.name, type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.name, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.name, arg.description);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        check(`${type.name}.${field.name}`, field.name, field.description);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.name, value.description);
    }
  }
  return missing;
}

describe('the schema documents itself', () => {
  it('describes every type, field, argument, input field and enum value (Pothos plugin types included)', () => {
    expect(undescribed(Object.values(schema.getTypeMap()))).toEqual([]);
  });

  it('refuses a description that only restates the name', () => {
    expect(meaningful('userId', 'User id')).toBe(false);
    expect(meaningful('createdAt', 'Created at.')).toBe(false);
    expect(meaningful('endpointId', 'The endpoint.')).toBe(false);
    expect(meaningful('createdAt', 'When the user was created (UTC).')).toBe(true);
  });
});
