import { builder } from '../builder.ts';

export const Seat = builder.prismaNode('Seat', {
  id: { field: 'id' },
  nullable: true, // node(id) of a row outside your tenant is null, not an error
  description: 'A paid seat. A user needs one to send messages when the tenant requires seats.',
  fields: (t) => ({
    user: t.relation('user', { nullable: true }),
    assignedAt: t.expose('assignedAt', { type: 'DateTime', nullable: true }),
  }),
});
