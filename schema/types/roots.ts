import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { builder } from '../builder.ts';

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSONObject', JSONObjectResolver);
builder.queryType({
  description:
    'Everything you can read. Each field answers within your tenant and only with what your credential may see (a user: the conversations of their hiring teams).',
});
builder.mutationType({
  description:
    'Every change. Each returns a result union: the object, or a typed error implementing Error saying why it was refused; nothing is written when an error is returned.',
});
builder.subscriptionType({
  description:
    'Live updates over graphql-ws (or SSE): with `after`, first what you missed since that cursor, then live, with no gap and no repeat.',
});
