/**
 * What live delivery asked of the database, counted per process: access
 * answers served from memory or asked, and update rows read or shared. The
 * fan-out benchmark's memory probe prints them (found on globalThis, so the
 * probe need not load the service's modules).
 */
export const liveCounts = { accessHits: 0, accessAsked: 0, rowsRead: 0, rowsShared: 0 };

(globalThis as Record<symbol, unknown>)[Symbol.for('parley.liveCounts')] = liveCounts;
