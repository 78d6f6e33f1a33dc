import { SandboxBusyError, SimulationNotAvailableError } from '../../api/domain/errors.ts';
import { simulateInboundMessage } from '../../api/messaging/inbound/simulate-inbound.ts';
import { ChannelError } from '../../plugins/sdk/index.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { Message } from './message.ts';

const SimulateInboundMessageInput = builder.inputType('SimulateInboundMessageInput', {
  description: 'A text the sandbox pretends a candidate sent (sandbox accounts only).',
  fields: (t) => ({
    from: t.string({ required: true, description: "The candidate's number (any human format; stored as E.164)." }),
    to: t.string({
      required: false,
      description:
        "One of your sandbox numbers; omitted: the sandbox number of the candidate's conversation, else your first sandbox number.",
    }),
    body: t.string({
      required: true,
      description: 'What the candidate texts: anything, including YES, STOP, START, HELP.',
    }),
  }),
});

const SimulatedInboundMessage = builder
  .objectRef<{ providerMessageId: string; to: string; messageId: string | null }>('SimulatedInboundMessage')
  .implement({
    description: 'A text the sandbox carrier delivered to Parley through its signed inbound webhook.',
    fields: (t) => ({
      providerMessageId: t.exposeString('providerMessageId', { description: "The sandbox's id for the text." }),
      to: t.exposeString('to', { description: 'The sandbox number it was sent to.' }),
      inboundMessage: t.field({
        type: Message,
        nullable: true,
        description:
          'The inbound message Parley stored; null when the number matches no candidate (it is then in unmatchedInboundMessages) or you may not read it.',
        resolve: (r, _args, ctx) =>
          r.messageId && ctx.reader ? ctx.reader.message.findUnique({ where: { id: r.messageId } }) : null,
      }),
    }),
  });

builder.mutationField('simulateInboundMessage', (t) =>
  t.field({
    type: SimulatedInboundMessage,
    description:
      "Sandbox accounts only (admins and partner backends): the candidate at `from` texts `body` to one of your sandbox numbers. The sandbox carrier posts it to Parley's inbound webhook, signed, so it takes exactly the path of a real provider's text (keywords, consent, MESSAGE_CREATED).",
    authScopes: { tenantAdmin: true },
    args: {
      input: t.arg({
        description: "The simulated candidate's text.",
        type: SimulateInboundMessageInput,
        required: true,
      }),
    },
    errors: { types: [SimulationNotAvailableError, SandboxBusyError] },
    resolve: (_root, { input }, ctx) =>
      simulateInboundMessage(tenantScope(ctx), ctx.services.channels, input).catch((error: unknown) => {
        // The sandbox's own post to the webhook timed out: a typed, retryable answer, not an internal error.
        if (error instanceof ChannelError && error.code === 'PROVIDER_UNAVAILABLE') throw new SandboxBusyError();
        throw error;
      }),
  }),
);
