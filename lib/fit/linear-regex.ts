import { RE2JS } from 're2js';

export interface LinearPattern {
  test(text: string): boolean;
}

/**
 * Compiles a rep-written pattern for RE2 (the `re2js` port): matching takes time linear in the
 * text whatever the pattern, so no shape (`\w*\w*\w*!`, `(a+)+$`, `.*.*=`) can stall the worker.
 * Case-insensitive, like the rules always were. Backreferences and lookaround have no linear-time
 * form: such a pattern throws, and the profile validator shows the message.
 */
export function compileLinearPattern(source: string): LinearPattern {
  const re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  return { test: (text) => re.test(text) };
}
