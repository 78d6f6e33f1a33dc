import { NotAuthorizedError } from '../domain/errors.ts';
import type { Actor } from './actor.ts';

/**
 * Under requireTrustedDocuments a stolen user token must not undo the setting nor mint a credential
 * that runs any document: both are for the partner backend's API key.
 */
export function refuseCredentialEscape(actor: Actor, what: 'the setting' | 'an API key'): void {
  if (actor.kind !== 'user') return;
  if (what === 'the setting') {
    throw new NotAuthorizedError(
      "requireTrustedDocuments is changed by the partner backend's API key, not by a user token (a stolen token could turn it off).",
    );
  }
  if (actor.requireTrustedDocuments) {
    throw new NotAuthorizedError(
      "Your tenant requires trusted documents from user tokens: API keys are created with the partner backend's API key.",
    );
  }
}
