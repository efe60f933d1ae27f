import { uncheckedAnswers } from './checks';

/** How often one piece of work asks the background before it keeps what it has. */
export const MAX_ANSWER_ROUNDS = 4;

/**
 * Runs `run` until it needed no answer it lacked (see checks-remote.ts), asking with `ask`
 * between runs. Where the answers are local (background, CLI, tests) it runs once.
 */
export async function withAnswers<T>(run: () => T, ask?: () => Promise<void>): Promise<T> {
  for (let round = 0; ; round++) {
    const before = uncheckedAnswers();
    const result = run();
    if (uncheckedAnswers() === before || !ask || round === MAX_ANSWER_ROUNDS) return result;
    await ask();
  }
}
