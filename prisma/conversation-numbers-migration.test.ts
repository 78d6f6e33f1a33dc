import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../api/db/database.ts';
import { migrate, migrationsDir } from '../api/db/migrate.ts';

const MIGRATION = '20261127171421_whatsapp_window';

describe('the migration to a number per channel', () => {
  it('keeps each conversation’s number as its number on that number’s channel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-migrations-'));
    const db = await openDatabase({ memory: true });
    try {
      for (const name of readdirSync(migrationsDir).filter((n) => n < MIGRATION && /^\d{14}_/.test(n))) {
        cpSync(join(migrationsDir, name), join(dir, name), { recursive: true });
      }
      await migrate(db, () => {}, dir);
      const ids = await db.transaction(async (sql) => {
        const [t] = await sql.query<{ id: string }>(`INSERT INTO "Tenant" (id, name, "updatedAt")
          VALUES (gen_random_uuid(), 'Acme', now()) RETURNING id`);
        const tenant = t?.id as string;
        const [c] = await sql.query<{ id: string }>(
          `INSERT INTO "Candidate" (id, "tenantId", "externalId", name, "updatedAt")
           VALUES (gen_random_uuid(), $1, 'c1', 'Cara', now()) RETURNING id`,
          [tenant],
        );
        const number = async (e164: string, channel: string) =>
          (
            await sql.query<{ id: string }>(
              `INSERT INTO "SendingNumber" (id, "tenantId", e164, country, channel)
               VALUES (gen_random_uuid(), $1, $2, 'US', $3::"Channel") RETURNING id`,
              [tenant, e164, channel],
            )
          )[0]?.id as string;
        const sms = await number('+14155550100', 'SMS');
        const wa = await number('+14155550101', 'WHATSAPP');
        const conversation = async (numberId: string | null) =>
          (
            await sql.query<{ id: string }>(
              `INSERT INTO "Conversation" (id, "tenantId", "candidateId", "sendingNumberId")
               VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`,
              [tenant, c?.id, numberId],
            )
          )[0]?.id as string;
        return {
          sms,
          wa,
          onSms: await conversation(sms),
          onWa: await conversation(wa),
          none: await conversation(null),
        };
      });
      cpSync(join(migrationsDir, MIGRATION), join(dir, MIGRATION), { recursive: true });
      expect(await migrate(db, () => {}, dir)).toEqual([MIGRATION]);
      const rows = await db.transaction((sql) =>
        sql.query<{ conversationId: string; channel: string; sendingNumberId: string }>(
          `SELECT "conversationId", channel::text, "sendingNumberId" FROM "ConversationNumber" ORDER BY channel`,
        ),
      );
      expect(rows).toEqual([
        { conversationId: ids.onSms, channel: 'SMS', sendingNumberId: ids.sms },
        { conversationId: ids.onWa, channel: 'WHATSAPP', sendingNumberId: ids.wa },
      ]);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
