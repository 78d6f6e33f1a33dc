import type { TenantActor } from '../api/auth/actor.ts';
import { unauthenticated } from '../api/auth/unauthenticated.ts';
import type { RequestContext } from '../api/context.ts';
import type { TenantScope } from '../api/domain/scope.ts';

/** The caller's tenant scope; fields that need one are already limited to tenant actors by their auth scopes. */
export function tenantScope(ctx: RequestContext): TenantScope {
  if (!ctx.scope) throw unauthenticated('This field needs a tenant API key or a user token.');
  return ctx.scope;
}

/** The caller as a tenant actor (API key or user); fields that need one are limited to them by their auth scopes. */
export function tenantActor(ctx: RequestContext): TenantActor {
  if (ctx.actor.kind !== 'apiKey' && ctx.actor.kind !== 'user')
    throw unauthenticated('This field needs a tenant API key or a user token.');
  return ctx.actor;
}
