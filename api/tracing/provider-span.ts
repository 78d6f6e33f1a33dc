/** Wraps one call to a channel provider (a send); tracing, when on, replaces it with one that records a span. */
export type ProviderCallTracer = <T>(pluginId: string, operation: string, call: () => Promise<T>) => Promise<T>;

const untraced: ProviderCallTracer = (_pluginId, _operation, call) => call();

/** Imports nothing of OpenTelemetry: `setup.ts` sets the traced version when tracing is on. */
export const providerCalls: { trace: ProviderCallTracer } = { trace: untraced };
