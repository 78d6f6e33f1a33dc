import { readFileSync } from 'node:fs';
import { getNamedType, isUnionType, lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from './index.ts';

describe('the published schema', () => {
  it('is the one committed in clients/schema.graphql (run `npm run codegen` after a schema change)', () => {
    const committed = readFileSync(new URL('../clients/schema.graphql', import.meta.url), 'utf8');
    expect(`${printSchema(lexicographicSortSchema(schema))}\n`).toBe(committed);
  });

  it('gives every mutation a result union that includes the Error interface', () => {
    const mutations = schema.getMutationType()?.getFields() ?? {};
    for (const [name, field] of Object.entries(mutations)) {
      const type = getNamedType(field.type);
      const members = isUnionType(type) ? type.getTypes() : [];
      expect(
        members.some((m) => m.getInterfaces().some((i) => i.name === 'Error')),
        name,
      ).toBe(true);
    }
  });
});
