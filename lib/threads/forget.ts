/** The parts of a stored thread that name people. */
export interface ThreadPeople {
  participants: { name?: string; email: string }[];
  prospectKeys: string[];
  contactId?: string;
}

/**
 * A thread without the forgotten person: their normalised addresses leave `prospectKeys`, and the
 * participants whose address normalises to one of them leave `participants`. `normalise` is the
 * same key function contacts use, so "Jane.Doe@ACME.io" goes with "jane.doe@acme.io".
 * Returns `undefined` when nobody is left (the thread then names only the forgotten person).
 */
export function withoutPerson<T extends ThreadPeople>(
  thread: T,
  keys: readonly string[],
  normalise: (email: string) => string | undefined,
): T | undefined {
  const gone = new Set(keys);
  const participants = thread.participants.filter((p) => !gone.has(normalise(p.email) ?? p.email));
  const prospectKeys = thread.prospectKeys.filter((k) => !gone.has(k));
  if (!participants.length && !prospectKeys.length && !thread.contactId) return undefined;
  return { ...thread, participants, prospectKeys };
}

/** Whether a thread names any of these people (by normalised address). */
export function namesAnyOf(
  thread: ThreadPeople,
  keys: readonly string[],
  normalise: (email: string) => string | undefined,
): boolean {
  const wanted = new Set(keys);
  return (
    thread.prospectKeys.some((k) => wanted.has(k)) ||
    thread.participants.some((p) => wanted.has(normalise(p.email) ?? p.email))
  );
}

/**
 * A thread read without the people the rep asked never to be suggested again ("forget this
 * person" with suppression): they leave its participants and keys, and the focus moves off them.
 * `undefined` when nobody else is in it, so nothing about them is stored again by a re-read.
 */
export async function withoutSuppressedPeople<R extends ThreadPeople & { focusKey?: string }>(
  read: R,
  isSuppressed: (email: string) => Promise<boolean>,
): Promise<R | undefined> {
  const [participants, prospectKeys] = await Promise.all([
    filterAsync(read.participants, async (p) => !(await isSuppressed(p.email))),
    filterAsync(read.prospectKeys, async (k) => !(await isSuppressed(k))),
  ]);
  if (!prospectKeys.length) return undefined;
  const focusKey = read.focusKey && prospectKeys.includes(read.focusKey) ? read.focusKey : undefined;
  const { focusKey: _old, ...rest } = read;
  return { ...rest, participants, prospectKeys, ...(focusKey ? { focusKey } : {}) } as R;
}

async function filterAsync<T>(list: readonly T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const verdicts = await Promise.all(list.map(keep));
  return list.filter((_, i) => verdicts[i]);
}
