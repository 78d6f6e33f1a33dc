/** How many CSV downloads may stream at once, per tenant and in this process. */
export type ReportDownloadLimits = { perTenant: number; total: number };

/**
 * Counts open report downloads. `claim` answers a release function, or null
 * when the tenant or the process already has its limit of downloads open.
 */
export function createReportDownloadSlots(limits: ReportDownloadLimits) {
  const byTenant = new Map<string, number>();
  let total = 0;
  return {
    claim(tenantId: string): (() => void) | null {
      const mine = byTenant.get(tenantId) ?? 0;
      if (mine >= limits.perTenant || total >= limits.total) return null;
      byTenant.set(tenantId, mine + 1);
      total++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total--;
        const left = (byTenant.get(tenantId) ?? 1) - 1;
        if (left) byTenant.set(tenantId, left);
        else byTenant.delete(tenantId);
      };
    },
  };
}
