/**
 * Thread limits shared by the threads repository (what it keeps) and the record schemas a backup,
 * a restore and sync check against (what they accept): one constant, so neither can refuse what the
 * other stores, and the pure schema modules need no database module to know it.
 */
export const MAX_THREAD_MESSAGES = 200;

/** Questionnaire answers (#19): one answer's length, answers kept on a thread, messages remembered as read. */
export const MAX_ANSWER = 2_000;
export const MAX_THREAD_ANSWERS = 100;
export const MAX_ANSWERS_READ = 200;
