import { readableBy } from '../../api/domain/conversations.ts';
import { SendNotAllowedError, ValidationError } from '../../api/domain/errors.ts';
import { pageSizes } from '../../api/http/page-sizes.ts';
import { messagePageIds } from '../../api/inbox/message-page.ts';
import { recordConsent } from '../../api/messaging/consent/record-consent.ts';
import { conversationLocks, type LockView } from '../../api/messaging/send-policy/index.ts';
import { builder } from '../builder.ts';
import { tenantActor, tenantScope } from '../tenant-scope.ts';
import { ConsentStateEnum } from './candidate.ts';
import { LockReasonEnum } from './errors.ts';
import { ReengagementTemplate, SessionWindow } from './session-window.ts';
import { ChannelEnum, ConsentModelEnum } from './tenant.ts';

export const ConversationLock = builder.objectRef<LockView>('ConversationLock').implement({
  description: 'Whether a message can be sent on a channel now; when locked, why and what to do.',
  fields: (t) => ({
    channel: t.field({ description: 'The channel this lock is about.', type: ChannelEnum, resolve: (l) => l.channel }),
    locked: t.exposeBoolean('locked', {
      description: 'Nothing may be sent on this channel now (except, where offered, the consent invitation).',
    }),
    reachable: t.boolean({
      description:
        'Nothing Parley knows stops a message now. Where optOutObservable is false (WhatsApp) that is not a promise of delivery: read `notice`.',
      resolve: (l) => !l.locked,
    }),
    optOutObservable: t.exposeBoolean('optOutObservable', {
      description:
        'Whether Parley learns that the candidate no longer wants messages on this channel (SMS: STOP, carrier reports). False on WhatsApp: blocking a business is silent.',
    }),
    notice: t.string({
      nullable: true,
      description: 'What the lock cannot tell, e.g. that a WhatsApp block is never reported; null when nothing.',
      resolve: (l) =>
        l.optOutObservable
          ? null
          : `${l.channel === 'WHATSAPP' ? 'WhatsApp' : l.channel} does not tell Parley when a candidate blocks the business; a message may not arrive.`,
    }),
    sessionWindow: t.field({
      type: SessionWindow,
      nullable: true,
      description: "The channel's session window; null when it has none (SMS) or nothing can send on it.",
      resolve: (l) => l.window,
    }),
    reengagementTemplate: t.field({
      type: ReengagementTemplate,
      nullable: true,
      description: 'On a channel with a session window: the template to send when the window is closed.',
      resolve: (l) => l.reengagement,
    }),
    reason: t.field({
      description: 'Why it is locked; null when unlocked.',
      type: LockReasonEnum,
      nullable: true,
      resolve: (l) => l.reason,
    }),
    message: t.exposeString('message', {
      description: 'The sentence to show the recruiter: why, and what unlocks it; null when unlocked.',
      nullable: true,
    }),
    consent: t.field({
      description: "The candidate's consent on this channel.",
      type: ConsentStateEnum,
      resolve: (l) => l.consent,
    }),
    consentModel: t.field({
      type: ConsentModelEnum,
      description: 'The consent model your company applies, which decides what opens texting.',
      resolve: (l) => l.consentModel,
    }),
  }),
});

export const Conversation = builder.prismaNode('Conversation', {
  id: { field: 'id' },
  nullable: true,
  description:
    "A candidate's conversation about one application (or as a prospect in one community). Readable by its hiring team and admins.",
  fields: (t) => ({
    candidate: t.relation('candidate', { description: 'The candidate on the other side.' }),
    application: t.relation('application', {
      description: 'The application the conversation was last about; null for a prospect of a community.',
      nullable: true,
    }),
    community: t.relation('community', {
      description: 'The community through which the candidate is messaged as a prospect; null for an applicant.',
      nullable: true,
    }),
    sendingNumber: t.string({
      nullable: true,
      description:
        'The number the candidate is messaged from on `channel` (chosen at the first message there, then kept); null before.',
      args: {
        channel: t.arg({
          description: 'The channel whose sending number to return (SMS by default).',
          type: ChannelEnum,
          defaultValue: 'SMS',
        }),
      },
      select: { numbers: { select: { channel: true, sendingNumber: { select: { e164: true } } } } },
      resolve: (c, { channel }) => c.numbers.find((n) => n.channel === channel)?.sendingNumber.e164 ?? null,
    }),
    lastMessageAt: t.expose('lastMessageAt', {
      description: 'When the last message was sent or received; null before the first.',
      type: 'DateTime',
      nullable: true,
    }),
    messages: t.prismaConnection({
      type: 'Message',
      cursor: 'id',
      skipTypeScopes: true,
      description:
        'Oldest first; page back from the newest with `last` and `before`. `first` and `last` are at least 1.',
      // Called with the arguments before the page is read: an empty page asked for is refused like `inbox(first: 0)`.
      maxSize: (args) => {
        for (const arg of ['first', 'last'] as const) {
          if (args[arg] === 0) throw ValidationError.of(arg, 'must be at least 1');
        }
        return pageSizes.max;
      },
      // The page's ids from the Message(conversationId, id) index, then those rows with their relations: a page
      // costs the same at 10 and at 50,000 messages. Rights were checked once, on this conversation.
      resolve: async ({ take, skip, cursor, ...query }, conversation, _args, ctx) => {
        const page = { take, skip, cursor: cursor?.id ? { id: cursor.id } : undefined };
        const ids = await messagePageIds(tenantScope(ctx), conversation.id, page);
        if (!ids.length) return [];
        return tenantScope(ctx).db.message.findMany({ ...query, where: { id: { in: ids } }, orderBy: { id: 'asc' } });
      },
    }),
    locks: t.field({
      type: [ConversationLock],
      description:
        'For each channel: can a message be sent now, and if not why. Drives the locked window and the green check.',
      resolve: (conversation, _args, ctx) =>
        conversationLocks(tenantScope(ctx), ctx.services.channels, tenantActor(ctx), conversation.id),
    }),
  }),
});

builder.queryField('conversation', (t) =>
  t.prismaField({
    description: 'A conversation by id, if you may read it; null otherwise.',
    type: 'Conversation',
    nullable: true,
    authScopes: { tenantMember: true },
    args: { id: t.arg.globalID({ description: "The conversation's global id.", required: true, for: Conversation }) },
    resolve: async (query, _root, { id }, ctx) => {
      const where = { id: id.id, ...readableBy(tenantActor(ctx)) };
      return tenantScope(ctx).db.conversation.findFirst({ ...query, where });
    },
  }),
);

const RecordConsentInput = builder.inputType('RecordConsentInput', {
  description: 'A consent change a recruiter records, with evidence (e.g. the candidate agreed on a call).',
  fields: (t) => ({
    conversationId: t.globalID({ description: "The candidate's conversation.", required: true, for: Conversation }),
    channel: t.field({ description: 'The channel it applies to.', type: ChannelEnum, required: true }),
    granted: t.boolean({ required: true, description: 'true records consent (opted in); false withdraws it.' }),
    reason: t.string({
      description: 'The evidence: how and when the candidate agreed or refused. Kept in the consent history.',
      required: true,
    }),
    evidence: t.string({
      required: false,
      description: 'e.g. "Candidate agreed by phone on 2026-11-20, call ref 4411".',
    }),
  }),
});

builder.mutationField('recordConsent', (t) =>
  t.prismaField({
    type: 'Conversation',
    description: "Records or withdraws a candidate's consent by hand, with a reason and evidence, in the audit trail.",
    authScopes: { tenantMember: true },
    args: {
      input: t.arg({ description: 'The consent change and its evidence.', type: RecordConsentInput, required: true }),
    },
    errors: { types: [SendNotAllowedError] },
    resolve: async (query, _root, { input }, ctx) => {
      const conversation = await recordConsent(tenantScope(ctx), tenantActor(ctx), {
        ...input,
        conversationId: input.conversationId.id,
      });
      return tenantScope(ctx).db.conversation.findUniqueOrThrow({ ...query, where: { id: conversation.id } });
    },
  }),
);
