/** The two bytes a line break is made of: LF alone, CRLF, or a lone CR (LineBreakNormalizer turns the last two into LF). */
export const LF = 0x0a;
export const CR = 0x0d;
