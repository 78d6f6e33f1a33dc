/** What happened in a tenant, as live subscribers receive it. Payloads carry ids, never secrets or bodies. */
export const tenantEventTypes = [
  'TENANT_UPDATED',
  'USER_CREATED',
  'USER_UPDATED',
  'SEATS_CHANGED',
  'SEAT_ASSIGNED',
  'SEAT_UNASSIGNED',
  'API_KEY_CREATED',
  'API_KEY_REVOKED',
  'MESSAGE_CREATED',
  'MESSAGE_STATUS_CHANGED',
  'CONSENT_CHANGED',
  'INBOUND_UNMATCHED',
  'CHANNEL_ACCOUNT_CREATED',
  'CHANNEL_ACCOUNT_UPDATED',
  'CREDITS_TOPPED_UP',
  'CREDITS_LOW',
  'MESSAGE_KINDS_CHANGED',
  'MESSAGE_TEMPLATE_CHANGED',
  'ALLOWANCE_WARNING',
  'ALLOWANCE_REACHED',
  'NUMBER_ASSIGNED',
  'NUMBER_UNASSIGNED',
  'WEBHOOK_ENDPOINT_CREATED',
  'WEBHOOK_ENDPOINT_UPDATED',
  'WEBHOOK_ENDPOINT_DELETED',
  'WEBHOOK_ENDPOINT_FAILING',
  'WEBHOOK_ENDPOINT_RECOVERED',
  'HIRING_TEAM_CHANGED',
  'COMMUNITY_TEAM_CHANGED',
  'CONVERSATION_READ',
  'CONVERSATION_INBOX_STATE_CHANGED',
  'NOTIFICATION_CREATED',
  'NOTIFICATIONS_READ',
  'WORKFLOW_CHANGED',
  'WORKFLOW_RUN_STARTED',
  'WORKFLOW_RUN_STEP_DONE',
] as const;

export type TenantEventType = (typeof tenantEventTypes)[number];

/** One event of a tenant's log, as the relay publishes it and subscribers receive it. */
export type LoggedEvent = {
  id: string;
  tenantId: string;
  type: TenantEventType;
  /** The id of the row the event is about (user, seat, API key, message, candidate or the tenant). */
  subjectId: string;
  conversationId: string | null;
  /** Small facts about the change; never message bodies or secrets. */
  payload: Record<string, unknown>;
  /** Its place in the tenant's log (1, 2, 3, … without gaps), as a decimal string. */
  position: string;
  occurredAt: string;
};

/** The typed event map of the service's pub/sub; topics are scoped by tenant id. */
export type PubSubEvents = {
  tenant: [tenantId: string, event: LoggedEvent];
  /** A credential's holder changed (key revoked, user deactivated or re-roled): every copy drops what it cached. */
  credentials: [change: CredentialChange];
};

export type CredentialChange = {
  /** `tenant`: a tenant setting that authentication carries (requireTrustedDocuments) changed. */
  kind: 'apiKey' | 'user' | 'tenant';
  id: string;
  /** Set by the copy that announced the change, so it can tell when its own announcement came back. */
  nonce?: string;
};
