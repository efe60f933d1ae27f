/**
 * A pure string function that remembers its answers, up to `max` of them (then starts afresh, so
 * a hostile page of a million distinct strings costs memory once, not forever).
 */
export function memoize<T>(fn: (key: string) => T, max: number): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    if (answers.has(key)) return answers.get(key)!;
    const answer = fn(key);
    if (answers.size >= max) answers.clear();
    answers.set(key, answer);
    return answer;
  };
}
