import { builder } from './builder.ts';
import './types/roots.ts';
import './types/errors.ts';
import './types/tenant.ts';
import './types/user.ts';
import './types/seat.ts';
import './types/api-key.ts';
import './types/user-token.ts';
import './types/viewer.ts';
import './types/tenant-events.ts';
import './types/operator.ts';
import './types/candidate.ts';
import './types/application.ts';
import './types/conversation.ts';
import './types/message.ts';
import './types/sending-number.ts';

export const schema = builder.toSchema({ sortSchema: true });
