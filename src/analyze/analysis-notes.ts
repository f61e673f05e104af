/**
 * Notes that describe an input rather than say that something in it went unanalyzed or may be wrong: what it was
 * decoded from. A report shows every note; a triage summary lists only the others, as warnings. An empty input is one
 * of those: in a CI archive it is a console that captured nothing (a failed upload), not a clean log.
 */
export const EMPTY_INPUT_NOTE = 'empty input';
export const BLANK_INPUT_NOTE = 'input holds only whitespace';
/** A log file a crash left zero-filled up to its size: its writes never reached the disk. */
export const ZERO_FILLED_INPUT_NOTE = 'input holds only NUL bytes (zero-filled, as a crash can leave a log file whose writes never reached the disk)';

/** `analyze` reads one log per input: an archive's bytes run its members together, with their headers as noise. */
export function archiveInputNote(format: 'tar' | 'zip'): string {
  const how = format === 'zip' ? 'its members are compressed, so little or nothing of them is read' : 'its members run together, with their headers as noise';
  return `${format} archive, read as one text log (${how}): \`vmemwarn triage\` reads each member as a log of its own`;
}
const ENCODING_PREFIX = 'input decoded as ';

export function encodingNote(encoding: string): string {
  return `${ENCODING_PREFIX}${encoding}`;
}

export function isInformationalNote(note: string): boolean {
  return note.startsWith(ENCODING_PREFIX);
}

/** Hosts a note names; the others are counted. */
const NAMED_HOSTS = 5;
/** A host name is log text: a journal's _HOSTNAME may be any string. */
const HOST_NAME_CHARS = 64;

/**
 * The kernel records of several hosts interleave (host-runs.ts): the log is read as one machine's, so a report may be
 * read in another host's boot, with its release and layout.
 */
export function interleavedHostsNote(hosts: readonly string[]): string {
  const named = hosts.slice(0, NAMED_HOSTS).map((h) => (h.length > HOST_NAME_CHARS ? `${h.slice(0, HOST_NAME_CHARS)}…` : h));
  const more = hosts.length > NAMED_HOSTS ? ` and ${hosts.length - NAMED_HOSTS} more` : '';
  return `the kernel lines of ${hosts.length} hosts interleave (${named.join(', ')}${more}): they are read as one machine's, so a report may be read in another host's boot, with its release and layout; split the log by host`;
}
