// Errors that reach the user: each problem says what is wrong and what to do next.
// The CLI prints them (all together) and exits with `exitCode`; no stack traces.

export interface UserProblem {
  message: string;
  hint: string;
}

export type ExitCode = 0 | 1 | 2 | 3 | 130;

export class UserError extends Error {
  readonly problems: readonly UserProblem[];
  readonly exitCode: ExitCode;
  /** Machine-readable extras for --json (e.g. the flags still missing). */
  /** Extra fields of the `error` event: the flags still to give, when answers are missing. */
  details: { missing?: string[] } = {};

  constructor(problems: UserProblem | readonly UserProblem[], exitCode: ExitCode = 1) {
    const list = Array.isArray(problems) ? problems : [problems as UserProblem];
    super(list.map((p) => p.message).join('; '));
    this.name = 'UserError';
    this.problems = list;
    this.exitCode = exitCode;
  }
}

export function usageError(message: string, hint: string): UserError {
  return new UserError({ message, hint }, 2);
}
