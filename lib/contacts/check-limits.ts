/** The longest question `page/checks` carries; a longer host or number reads as invalid. */
export const MAX_QUESTION = 300;
/** Questions of each kind in one `page/checks` message; more go in the next one. */
export const MAX_QUESTIONS = 2_000;
