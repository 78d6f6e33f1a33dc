import type { Reengagement } from '../../api/messaging/send-policy/reengagement.ts';
import type { SessionWindow as Window } from '../../api/messaging/send-policy/session-window.ts';
import { builder } from '../builder.ts';

export const SessionWindow = builder.objectRef<Window>('SessionWindow').implement({
  description:
    "A channel's session window (WhatsApp: 24 hours): free text may be sent only until `hours` after the candidate's last message on the channel in this conversation; outside it only the re-engagement template. The candidate's reply opens it again.",
  fields: (t) => ({
    hours: t.exposeInt('hours', {
      description: "How long the window stays open after the candidate's last message (WhatsApp: 24).",
    }),
    open: t.exposeBoolean('open', { description: 'Free text may go out now.' }),
    lastInboundAt: t.expose('lastInboundAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the candidate last wrote on the channel here; null: never.',
    }),
    openUntil: t.expose('openUntil', {
      type: 'DateTime',
      nullable: true,
      description: 'While open: when it closes.',
    }),
    closedAt: t.expose('closedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'While closed: when it closed; null when the candidate never wrote, so it never opened.',
    }),
  }),
});

export const ReengagementTemplate = builder.objectRef<Reengagement>('ReengagementTemplate').implement({
  description:
    "Your company's re-engagement template for this conversation, sent outside the session window with sendReengagementTemplate: an approved template at the provider (name, language) with parameters {{1}} company and {{2}} job.",
  fields: (t) => ({
    body: t.exposeString('body', { description: 'The text the candidate reads.' }),
    name: t.exposeString('name', { description: "The approved template's name at the provider." }),
    language: t.exposeString('language', { description: "The template's language code, e.g. en_US." }),
    parameters: t.exposeStringList('parameters', { description: 'How many {{n}} parameters its body takes.' }),
  }),
});

export const ApprovedTemplateRef = builder
  .objectRef<{ name: string; language: string; parameters: string[] }>('ApprovedTemplate')
  .implement({
    description: 'The provider-approved template a message is sent as, with its parameters in order.',
    fields: (t) => ({
      name: t.exposeString('name', { description: "The template's name as approved by WhatsApp." }),
      language: t.exposeString('language', {
        description: "The template's language code as WhatsApp approved it, e.g. en_US.",
      }),
      parameters: t.exposeStringList('parameters', {
        description: 'How many {{n}} parameters its body takes, in order.',
      }),
    }),
  });
