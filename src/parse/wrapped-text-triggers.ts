/**
 * Needles of wrappers that hide the words the other triggers look for, so that a line holding one is decoded and
 * read in full, where the wrapper comes off:
 * - an ANSI escape: `dmesg --color=always` puts one inside `INFO: task` and after `Memory`;
 * - a journal entry whose MESSAGE is an array of bytes (journalctl -o json, when journald could not store it as
 *   text), spaced as journalctl and as common JSON writers print it.
 */
export const WRAPPED_TEXT_TRIGGERS: readonly string[] = ['\u001b[', 'MESSAGE":[', 'MESSAGE" : [', 'MESSAGE": ['];
