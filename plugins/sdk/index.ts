export { z } from 'zod';
export * from './contract.ts';
