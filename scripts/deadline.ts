/**
 * Settles like `work`, or rejects with "<label> took more than <ms> ms" once `ms` pass first.
 * For test rigs: a browser command that never answers becomes an error that names its step,
 * instead of a hook timeout that names nothing.
 */
export async function withDeadline<T>(label: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} took more than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
