import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.ts';
import { migrate } from './migrate.ts';
import { scopeToTenant } from './tenant-scope.ts';

// The scoped client is the guard every resolver relies on; check each kind of query.
describe('a tenant-scoped Prisma client', () => {
  let db: Database;
  let a: string;
  let b: string;

  beforeAll(async () => {
    db = await openDatabase({ memory: true });
    await migrate(db);
    [a, b] = (
      await Promise.all([
        db.prisma.tenant.create({ data: { name: 'A' } }),
        db.prisma.tenant.create({ data: { name: 'B' } }),
      ])
    ).map((t) => t.id) as [string, string];
    await db.prisma.user.createMany({
      data: [
        { tenantId: a, name: 'a1', email: 'a1@x' },
        { tenantId: b, name: 'b1', email: 'b1@x' },
      ],
    });
  });
  afterAll(() => db.close());

  it('reads, counts and aggregates only its tenant', async () => {
    const scoped = scopeToTenant(db.prisma, a);
    expect((await scoped.user.findMany()).map((u) => u.name)).toEqual(['a1']);
    expect(await scoped.user.count()).toBe(1);
    const bUser = await db.prisma.user.findFirstOrThrow({ where: { tenantId: b } });
    expect(await scoped.user.findUnique({ where: { id: bUser.id } })).toBeNull();
    expect(await scoped.user.findFirst({ where: { tenantId: b } })).toBeNull();
    expect((await scoped.tenant.findMany()).map((t) => t.name)).toEqual(['A']);
  });

  it('writes only its tenant, whatever tenantId the caller passes', async () => {
    const scoped = scopeToTenant(db.prisma, a);
    const created = await scoped.user.create({ data: { tenantId: b, name: 'sneaky', email: 's@x' } });
    expect(created.tenantId).toBe(a);
    const bUser = await db.prisma.user.findFirstOrThrow({ where: { tenantId: b } });
    expect((await scoped.user.updateMany({ where: { id: bUser.id }, data: { name: 'pwned' } })).count).toBe(0);
    await expect(scoped.user.update({ where: { id: bUser.id }, data: { name: 'pwned' } })).rejects.toThrow();
    expect((await scoped.user.deleteMany({ where: { id: bUser.id } })).count).toBe(0);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: bUser.id } })).name).toBe('b1');
    await expect(scoped.tenant.update({ where: { id: b }, data: { name: 'pwned' } })).rejects.toThrow();
    await expect(scoped.tenant.deleteMany()).rejects.toThrow(/not available/);
  });
});
