import { PothosValidationError } from '@pothos/core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { type GraphQLSchema, isObjectType } from 'graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const nodeTypes = new Set<string>();

/** Remembers which types are nodes, so an id naming any other type is refused before a lookup. */
export function registerNodeTypes(schema: GraphQLSchema) {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node')) nodeTypes.add(type.name);
  }
}

/**
 * Decodes a global id, refusing anything that is not one of ours: not base64
 * of "Type:uuid", or naming a type that is not a node. The input guard turns
 * the refusal into a ValidationError that names the argument.
 */
export function decodeParleyGlobalID(globalID: string): { typename: string; id: string } {
  const decoded = decodeGlobalID(globalID);
  if (!UUID.test(decoded.id) || !nodeTypes.has(decoded.typename)) {
    throw new PothosValidationError(`Invalid global ID: ${globalID}`);
  }
  return decoded;
}
