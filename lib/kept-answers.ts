/**
 * An asynchronous answer per key, asked for once and kept (lazily loaded schemas and modules):
 * callers that come together share one asking, and a failed asking (a chunk or module that did
 * not load) is forgotten, so the next caller asks again.
 */
export function keptAnswers<K, V>(ask: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const kept = new Map<K, Promise<V>>();
  return (key) => {
    let answer = kept.get(key);
    if (!answer) {
      answer = ask(key);
      kept.set(key, answer);
      answer.catch(() => kept.get(key) === answer && kept.delete(key));
    }
    return answer;
  };
}
