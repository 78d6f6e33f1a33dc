/** The kit's entry before SDK 1.0; import `plugins/sdk/testing` (index.ts) instead. */
export * from './index.ts';
