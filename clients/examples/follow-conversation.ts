// The typed client on Node 20, end to end: follow a conversation live, send a message, and print
// its delivery and the candidate's reply as they arrive. With the demo tenant `npm start` prints:
//   PARLEY_TOKEN=<user token> CONVERSATION_ID=<id> npx tsx clients/examples/follow-conversation.ts
// (PARLEY_URL defaults to http://localhost:4000/graphql.) In a browser, leave out `webSocketImpl`.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { ConversationUpdatedDocument, SendMessageDocument } from '../generated/graphql.ts';
import { createParleyClient } from '../parley-client.ts';

const url = process.env.PARLEY_URL ?? 'http://localhost:4000/graphql';
const token = process.env.PARLEY_TOKEN;
const conversationId = process.env.CONVERSATION_ID;
if (!token || !conversationId) {
  console.error('Set PARLEY_TOKEN (a user token) and CONVERSATION_ID (both printed by npm start).');
  process.exit(2);
}

const parley = createParleyClient({ url, credential: token, webSocketImpl: WebSocket });
// Subscribe first, so nothing that happens after the send is missed.
const updates = parley.subscribe(ConversationUpdatedDocument, { id: conversationId });

const { sendMessage } = await parley.request(SendMessageDocument, {
  input: {
    conversationId,
    channel: 'SMS',
    body: 'Hi Casey, are you free for a call tomorrow at 10?',
    // Sending again with the same key returns the first message instead of a second text.
    idempotencyKey: randomUUID(),
  },
});
if (sendMessage.__typename !== 'Message') {
  console.error(`Not sent (${sendMessage.__typename}): ${'message' in sendMessage ? sendMessage.message : ''}`);
  process.exit(1);
}
console.log(`sent ${sendMessage.id}: ${sendMessage.status}`);

let delivered = false;
let replied = false;
for await (const { conversationUpdated: event } of updates) {
  const message = event.message;
  if (message?.id === sendMessage.id) {
    console.log(`status ${message.status}`);
    if (message.status === 'DELIVERED') delivered = true;
  } else if (message?.direction === 'INBOUND' && event.type === 'MESSAGE_CREATED') {
    console.log(`reply: ${message.body}`);
    replied = true;
  }
  if (delivered && replied) break;
}
await parley.close();
