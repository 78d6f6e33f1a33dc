import type { User as UserRow } from '../../api/db/generated/prisma/client.ts';
import { createUserToken } from '../../api/domain/user-tokens.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { User } from './user.ts';

const UserToken = builder.objectRef<{ user: UserRow; token: string; expiresAt: Date }>('UserToken').implement({
  description: 'A short-lived token a partner frontend sends as "Authorization: Bearer <token>" to act as the user.',
  fields: (t) => ({
    token: t.exposeString('token'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.field({ type: User, resolve: (minted) => minted.user }),
  }),
});

builder.mutationField('createUserToken', (t) =>
  t.field({
    type: UserToken,
    description: 'Mints a user token (default 1 hour, at most 24 hours). Only a tenant API key may do this.',
    authScopes: { partnerBackend: true },
    args: {
      userId: t.arg.globalID({ required: true, for: User }),
      ttlSeconds: t.arg.int({ required: false }),
    },
    errors: {},
    resolve: (_root, { userId, ttlSeconds }, ctx) =>
      createUserToken(tenantScope(ctx), ctx.services.signingKey, userId.id, ttlSeconds),
  }),
);
