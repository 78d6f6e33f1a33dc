import { expect } from 'vitest';
import { sdkIncompatibility } from '../../version.ts';
import type { RuleContext } from './helpers.ts';

const capabilityTypes = {
  maxLength: 'number',
  media: 'boolean',
  segmented: 'boolean',
  carrierHandlesKeywords: 'boolean',
  optOutObservable: 'boolean',
  consentInvitations: 'boolean',
};

/** The manifest is one the core loads: id, SDK version, channel, capabilities, credentials and secret keys. */
export async function manifest({ h }: RuleContext) {
  const { plugin } = h;
  expect(plugin.id, 'id: lowercase letters, digits and dashes').toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
  expect(sdkIncompatibility(plugin.sdkVersion), 'sdkVersion').toBeNull();
  expect(['SMS', 'WHATSAPP']).toContain(plugin.channel);
  for (const [key, type] of Object.entries(capabilityTypes)) {
    expect(typeof (plugin.capabilities as Record<string, unknown>)[key], `capabilities.${key}`).toBe(type);
  }
  const window = plugin.capabilities.sessionWindowHours;
  expect(window === null || typeof window === 'number', 'capabilities.sessionWindowHours: hours or null').toBe(true);
  for (const key of plugin.secretKeys)
    expect(Object.keys(h.credentials), 'secretKeys are credential fields').toContain(key);
  expect(plugin.credentials.safeParse({}).success, 'the credential schema refuses nothing').toBe(false);
  expect(plugin.credentials.safeParse(h.credentials).success, 'the credential schema takes good ones').toBe(true);
}
