import type { Channel } from '../db/generated/prisma/enums.ts';

/** The channels Parley sends, receives, routes and locks on; EMAIL is only recorded by the ATS (recordEmail). */
export const sendChannels = ['SMS', 'WHATSAPP'] as const;
export type SendChannel = (typeof sendChannels)[number];

export const isSendChannel = (channel: Channel): channel is SendChannel => channel !== 'EMAIL';

/** A channel read from a column only sending paths write (numbers, accounts, consent, rules): never EMAIL. */
export function asSendChannel(channel: Channel): SendChannel {
  if (!isSendChannel(channel)) throw new Error(`${channel} is not a sending channel`);
  return channel;
}
