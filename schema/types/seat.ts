import { builder } from '../builder.ts';

export const Seat = builder.prismaNode('Seat', {
  id: { field: 'id' },
  nullable: true, // node(id) of a row outside your tenant is null, not an error
  description: 'A paid seat. A user needs one to send messages when the tenant requires seats.',
  fields: (t) => ({
    user: t.relation('user', { description: 'The user holding it; null while free.', nullable: true }),
    assignedAt: t.expose('assignedAt', {
      description: 'When the seat was assigned; null while free.',
      type: 'DateTime',
      nullable: true,
    }),
  }),
});
