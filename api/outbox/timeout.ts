/** A provider call that did not answer in time: its outcome is unknown. */
export class TimedOut extends Error {}

/** `work`, or a `TimedOut` rejection after `ms`; `work` itself keeps running. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
