import { GraphQLError } from 'graphql';

export function unauthenticated(
  message = 'Authentication required: send "Authorization: Bearer <API key or user token>".',
) {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
