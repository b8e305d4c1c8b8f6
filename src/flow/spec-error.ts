import type { ZodError } from 'zod';

/** One authoring mistake: where it is (a field path such as "questions[3].min") and what is wrong. */
export interface SpecIssue {
  path: string;
  message: string;
}

/**
 * A plan bundle or form file is wrong. The message names the file and every field at fault, one per line:
 * `flows/x/form.yaml: questions[3].min: Expected number`.
 */
export class SpecError extends Error {
  constructor(
    /** The file at fault, as the loader was given it. */
    readonly source: string,
    readonly issues: readonly SpecIssue[],
  ) {
    super(issues.map((i) => `${source}: ${i.path}: ${i.message}`).join('\n'));
    this.name = 'SpecError';
  }

  static fromZod(source: string, error: ZodError): SpecError {
    return new SpecError(
      source,
      error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    );
  }
}

/** ['questions', 3, 'min'] → "questions[3].min"; the empty path is "(root)". */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(root)' : out;
}
