import {
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isUnionType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/** The page sizes of the schema's connections (schema/builder.ts). */
export const pageSizes = { default: 20, max: 100 } as const;

/** A connection, or a field with typed errors whose union holds one (`consentChanges`, `messageActivity`). */
const isConnection = (type: GraphQLNamedType | undefined): boolean =>
  !!type &&
  (type.name.endsWith('Connection') ||
    (isUnionType(type) && type.getTypes().some((t) => t.name.endsWith('Connection'))));

/**
 * The document as the cost estimate should see it: a page size given by a
 * variable counts as the largest page (the variable could be anything up to
 * it), and a connection asked with no page size counts as the default page.
 * Otherwise `first: $n` and a bare `messages { … }` would cost one row.
 */
export function withWorstPageSizes(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  const int = (value: number) => ({ kind: Kind.INT, value: String(value) }) as const;
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (!isConnection(getNamedType(typeInfo.getType()) ?? undefined)) return undefined;
        const args = node.arguments ?? [];
        const sized = args.some((a) => a.name.value === 'first' || a.name.value === 'last');
        const worst = args.map((a) =>
          (a.name.value === 'first' || a.name.value === 'last') && a.value.kind === Kind.VARIABLE
            ? { ...a, value: int(pageSizes.max) }
            : a,
        );
        const first = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'first' }, value: int(pageSizes.default) };
        return { ...node, arguments: sized ? worst : [...worst, first] };
      },
    }),
  );
}
