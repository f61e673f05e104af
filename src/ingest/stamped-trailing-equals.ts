/**
 * A time stamp that starts a kernel log line: printk's `[    5.246632]` (after an optional `<6>` level), a syslog
 * `Mar  5 10:11:12 ` or an ISO 8601 `2024-03-05T10:11:12`.
 */
const KERNEL_STAMP = /^(?:<\d{1,3}>)?\[ *\d+\.\d+\]|^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d |^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d/;
/** A quoted-printable byte escape as encoders write it (`=3D`, `=20`, `=E2`). */
const QP_ESCAPE = /=[0-9A-F]{2}/;

/**
 * The line ends in `=` as the kernel printed it, not as a quoted-printable soft break: it starts with a kernel time
 * stamp and holds no `=XX` escape. Kernel logs echo `key=` with an empty value (`[    5.246632]     ubootpart=`, a
 * command line's `root=`); counting such a line as quoted-printable had sent the rest of the log down the every-line
 * path and made a split read start over. A soft-broken kernel line in mail still counts once its mail shows it is
 * quoted-printable: by its `Content-Transfer-Encoding:` header (a needle, so the record assembler sees it and then
 * wants every line) or by an escape, which the mail's kernel lines, full of `key=value`, carry as `=3D`.
 */
export function isStampedTrailingEquals(line: string): boolean {
  return KERNEL_STAMP.test(line) && !QP_ESCAPE.test(line);
}
