/** The first line of an error's message (or of whatever was thrown): what a one-line report says. */
export function firstLineOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n', 1)[0] ?? '';
}
