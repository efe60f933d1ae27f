/**
 * A pure string function that remembers its answers, up to `max` of them (then starts afresh, so
 * a hostile page of a million distinct strings costs memory once, not forever).
 */
export function memoize<T>(fn: (key: string) => T, max: number): ((key: string) => T) & { clear(): void } {
  const answers = new Map<string, T>();
  const remembered = (key: string) => {
    // One lookup for a remembered answer; a second only for a remembered `undefined`.
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as T;
    const answer = fn(key);
    if (answers.size >= max) answers.clear();
    answers.set(key, answer);
    return answer;
  };
  /** Forgets every answer (answers built on provisional input must not outlive it). */
  remembered.clear = () => answers.clear();
  return remembered;
}
