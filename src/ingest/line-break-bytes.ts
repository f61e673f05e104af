/** The two bytes line breaks are made of: LF, CRLF, `\r\r\n`, or CR alone in a CR-only log (LineBreakNormalizer). */
export const LF = 0x0a;
export const CR = 0x0d;
