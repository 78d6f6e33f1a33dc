import type { User as UserRow } from '../../api/db/generated/prisma/client.ts';
import { createUserToken } from '../../api/domain/user-tokens.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { User } from './user.ts';

const UserToken = builder.objectRef<{ user: UserRow; token: string; expiresAt: Date }>('UserToken').implement({
  description: 'A short-lived token a partner frontend sends as "Authorization: Bearer <token>" to act as the user.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'The bearer token to act as the user. Shown only here, once.' }),
    expiresAt: t.expose('expiresAt', { description: 'When the token stops working.', type: 'DateTime' }),
    user: t.field({ description: 'The user it acts as.', type: User, resolve: (minted) => minted.user }),
  }),
});

builder.mutationField('createUserToken', (t) =>
  t.field({
    type: UserToken,
    description: 'Mints a user token (default 1 hour, at most 24 hours). Only a tenant API key may do this.',
    authScopes: { partnerBackend: true },
    args: {
      userId: t.arg.globalID({ description: 'The active user the token acts as.', required: true, for: User }),
      ttlSeconds: t.arg.int({
        description: "How long the token works, in seconds; omitted: the service's default.",
        required: false,
      }),
    },
    errors: {},
    resolve: (_root, { userId, ttlSeconds }, ctx) =>
      createUserToken(tenantScope(ctx), ctx.services.signingKey, userId.id, ttlSeconds),
  }),
);
