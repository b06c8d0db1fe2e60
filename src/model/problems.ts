/** Something wrong with the content, located as precisely as we can for the person who edits it. */
export interface Problem {
  file: string;
  line?: number | undefined;
  /** The field path, e.g. funding.amountYuan, or a section anchor such as #content. */
  path?: string | undefined;
  message: string;
}

export function formatProblem({ file, line, path, message }: Problem): string {
  return `${file}${line ? `:${line}` : ''}${path ? ` ${path}` : ''}: ${message}`;
}

/** Thrown when content is not publishable; lists every problem at once. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the content:\n${problems.map((p) => `  ✖ ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentError';
  }
}
