import { z } from 'zod';
import { isTimeOfDay } from './quiet-hours.ts';

export const DEFAULT_QUIET_HOURS = { start: '21:00', end: '08:00' } as const;

const timeOfDay = z.string().refine(isTimeOfDay, 'must be a time of day as HH:MM (24-hour), e.g. 21:00');

/** updateTenantSettings' quiet-hours fields (spread into its input schema). */
export const quietHoursSettings = {
  quietHours: z
    .object({
      enabled: z.boolean(),
      start: timeOfDay.nullish(),
      end: timeOfDay.nullish(),
    })
    .refine((q) => !q.enabled || (q.start ?? DEFAULT_QUIET_HOURS.start) !== (q.end ?? DEFAULT_QUIET_HOURS.end), {
      message: 'start and end must differ (turn quiet hours off with enabled: false)',
      path: ['end'],
    })
    .optional(),
  noSundays: z.boolean().optional(),
};

/** The Tenant columns for the settings: `quietHours` becomes start and end (both null when disabled). */
export function withQuietHours<
  T extends { quietHours?: { enabled: boolean; start?: string | null; end?: string | null } },
>(data: T): Omit<T, 'quietHours'> & { quietHoursStart?: string | null; quietHoursEnd?: string | null } {
  const { quietHours, ...rest } = data;
  if (!quietHours) return rest;
  return {
    ...rest,
    quietHoursStart: quietHours.enabled ? (quietHours.start ?? DEFAULT_QUIET_HOURS.start) : null,
    quietHoursEnd: quietHours.enabled ? (quietHours.end ?? DEFAULT_QUIET_HOURS.end) : null,
  };
}

/** A new tenant's quiet hours: the default ones, unless the installation starts tenants without (QUIET_HOURS_DEFAULT=off). */
export const newTenantQuietHours = (on: boolean) =>
  on ? { quietHoursStart: DEFAULT_QUIET_HOURS.start, quietHoursEnd: DEFAULT_QUIET_HOURS.end } : {};
