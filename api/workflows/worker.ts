import type { Logger } from '../log.ts';
import { createPollingLoop } from '../polling-loop.ts';
import { claimDueSteps } from './claims.ts';
import { runStep, type StepDeps } from './run-step.ts';

const BATCH = 20;

export type WorkflowWorkerOptions = StepDeps & { log: Logger; pollMs: number };

/** How long a claimed step is held before another worker may take it (its send is idempotent). */
export const STEP_LEASE_MS = 60_000;

/** Claims due steps (of `runIds` only, when given) and runs them one after another. */
export async function runClaimed(deps: StepDeps, runIds?: string[]) {
  const steps = await claimDueSteps(deps.prisma, { leaseMs: STEP_LEASE_MS, limit: BATCH, runIds });
  for (const step of steps) await runStep(deps, step);
  return steps.length;
}

/**
 * The workflow step scheduler: due steps are durable rows, so a restart
 * loses none; every copy may run it (claims skip each other's rows). A
 * pass that fails leaves its step leased; it is taken again once the lease lapses.
 */
export function createWorkflowWorker(options: WorkflowWorkerOptions) {
  const loop = createPollingLoop({
    name: 'workflows',
    log: options.log,
    pollMs: options.pollMs,
    pass: async () => (await runClaimed(options)) === BATCH,
  });
  return { start: loop.start, stop: loop.stop, wake: loop.wake };
}

export type WorkflowWorker = ReturnType<typeof createWorkflowWorker>;
