/** Errors that end a command with a documented exit code and a one-line message (no stack trace). */

export const EXIT = {
  ok: 0,
  failOnMatched: 1,
  usage: 2,
  /** Input that cannot be read (missing, corrupt, over a limit), or a report that cannot be written. */
  input: 3,
  /** A bug in vmemwarn itself: one line on stderr, never a stack trace. */
  internal: 4,
  interrupted: 130,
} as const;

/** One of the `EXIT` codes the CLI ends with; a `VmemwarnError` carries one as `exitCode`. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Base of the errors that end a command with a documented exit code (`exitCode`) and a one-line message. */
export class VmemwarnError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad flags or arguments: exit 2. */
export class UsageError extends VmemwarnError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Unreadable, corrupt or over-limit input: exit 3. `input` names the input (path, `-`, `archive.tgz:member`). */
export class InputError extends VmemwarnError {
  readonly input: string;
  constructor(input: string, message: string) {
    super(`${input}: ${message}`, EXIT.input);
    this.input = input;
  }

  /** An InputError's message without the `input: ` it starts with, for a place that names the input already. */
  static reasonOf(message: string, input: string): string {
    return message.startsWith(`${input}: `) ? message.slice(input.length + 2) : message;
  }
}

/** The report could not be written (disk full, I/O error): exit 3, as for input that cannot be read. */
export class OutputError extends VmemwarnError {
  constructor(message: string) {
    super(message, EXIT.input);
  }
}
