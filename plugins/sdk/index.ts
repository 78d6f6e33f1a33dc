export * from './contract.ts';
export { z } from 'zod';
