/** The channel-plugin SDK: everything a plugin may import. Its conformance kit is `plugins/sdk/testing`. */
export { z } from 'zod';
export * from './contract.ts';
export { SDK_VERSION, sdkIncompatibility } from './version.ts';
