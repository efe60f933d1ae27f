import { z } from 'zod';

// Extension pages forbid eval under MV3's CSP; zod must not try its JIT there.
z.config({ jitless: true });

export { z };

/** A validation's problems by field ("rules.0.pattern"), at most `max`, for forms and imports. */
export function issuesByField(error: z.ZodError, max = 50): { path: string; message: string }[] {
  return error.issues.slice(0, max).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
