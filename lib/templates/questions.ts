/** Questions as the mail shows them: numbered, a blank line after each for the answer. */
export function numberedQuestions(questions: readonly string[]): string {
  return questions.map((q, i) => `${i + 1}. ${q.replace(/\s+/g, ' ').trim()}`).join('\n\n');
}
