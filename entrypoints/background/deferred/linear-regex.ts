import type * as LinearRegex from '@/lib/fit/linear-regex';
import { requireNow } from './require-now';

/**
 * lib/fit/linear-regex.ts in the chunked worker (scripts/build/worker-chunks.ts): re2js is
 * compiled with the first pattern the worker checks or compiles, not at every wake.
 */
const linearRegex = requireNow<typeof LinearRegex>('chunks/worker-linear-regex.js');

export const compileLinearPattern: typeof LinearRegex.compileLinearPattern = (source) =>
  linearRegex().compileLinearPattern(source);
