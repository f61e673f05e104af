/**
 * Escaping of untrusted (log-derived) text for GitHub/GitLab Markdown. Backslash escapes and entities stop Markdown
 * syntax and raw HTML; a zero-width joiner stops what the sites link after parsing (mentions, issue and merge request
 * references, bare URLs, e-mail addresses), which backslash escapes alone do not: they are gone by then.
 */
import { sanitizeTerminal } from './terminal-sanitize.js';

const ZWJ = '\u200d';
/**
 * Punctuation that starts Markdown syntax anywhere in a line: emphasis, code, links/images (`[`), headings and
 * issue refs (`#`), table pipes, strikethrough, math (`$`), footnotes (`^`), emoji shortcodes and schemes (`:`).
 * `&<>` become entities instead. Other punctuation only matters at the start of a line (see LINE_START).
 */
const MD_PUNCT = /[\\`*_{}[\]#!|~@^$:]/g;
/** List items (`-`, `+`, `1.`, `1)`), thematic breaks and setext underlines (`---`, `===`) at the start of the text. */
const LINE_START = /^(\d*)([-+=.)])/;
const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `&<>"'` as entities: text inside raw HTML, an element's content or an attribute. */
function entities(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_SPECIAL[ch] ?? ch);
}

/**
 * Text kept to one line: controls, invisible characters and line breaks escaped as the text format shows them
 * (`new\x0aline.log`). Line breaks had been turned into a space, and a ticket then named a file (an input path, an
 * archive member) that does not exist. The report's own prose holds no line break, and a title, read from one log
 * line, none either: only names and strings of an untrusted summary JSON do.
 */
function oneLine(text: string): string {
  return sanitizeTerminal(text);
}

/**
 * Inserts a zero-width joiner where GitHub or GitLab would otherwise create a reference or a link: `@user`, `#123`,
 * GitLab's `!123` (merge request), `$123` (snippet), `~label`, `%milestone`, `&epic`, `[vulnerability:1]` and the
 * other bracket references, `*iteration:1`; `scheme://`, `www.`, `GH-123`;
 * and where they would show an emoji for a shortcode.
 */
function breakAutoLinks(text: string): string {
  return text
    .replace(/[@#!$~%&](?=[\w"])/g, (ch) => `${ch}${ZWJ}`)
    // GitLab's bracket references (`[vulnerability:1]`, `[feature_flag:1]`, `[contact:x@y]`, `[work_item:1]`) and its
    // iteration reference (`*iteration:123`): found by a review, linked in escaped text as `#123` is.
    .replace(/\[(?=\w+:)/g, `[${ZWJ}`)
    .replace(/\*(?=iteration:)/gi, `*${ZWJ}`)
    .replace(/:\/\//g, `:${ZWJ}//`)
    // Every `www.`, not only at a word boundary: GFM links `_www.x.example` too, as it looks at the raw character
    // before, which an escape does not change.
    .replace(/www\./gi, (m) => `${m.slice(0, 3)}${ZWJ}.`)
    .replace(/\bGH-(?=\d)/gi, (m) => `${m}${ZWJ}`)
    // Emoji shortcodes (`:bug:`, `:+1:`, `:ab:`, `:100:`): GitHub and GitLab turn them into emoji after parsing too.
    // A hex byte with a digit (`0000:0a:00.0`, `02:1f:`) is no emoji's name, and stays as it is.
    .replace(/:(?=(?:[a-z0-9_+-]*[a-z_+-][a-z0-9_+-]*|100|1234):)(?![0-9a-f][0-9]:|[0-9][0-9a-f]:)/g, `:${ZWJ}`);
}

/** Text for a Markdown paragraph, list item or table cell: renders literally, never as markup, HTML or a link. */
export function escapeMarkdownText(text: string): string {
  return breakAutoLinks(oneLine(text).trim())
    .replace(MD_PUNCT, (ch) => `\\${ch}`)
    .replace(LINE_START, '$1\\$2')
    .replace(/[&<>]/g, (ch) => HTML_SPECIAL[ch] ?? ch);
}

/** Text inside a raw HTML element such as `<summary>`, where Markdown escapes do not apply. */
export function escapeHtmlText(text: string): string {
  return entities(breakAutoLinks(oneLine(text)));
}

/**
 * Text as a `<code>` element inside raw HTML such as `<summary>`. GitHub and GitLab link no mention, reference or
 * emoji inside `code`, so it needs no zero-width joiner, and a function name copied from it is found by grep.
 */
export function htmlCode(text: string): string {
  const body = entities(oneLine(text));
  return body === '' ? '' : `<code>${body}</code>`;
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * An inline code span that no backtick in `text` can close. In a table cell pipes must still be escaped: GFM splits
 * cells before it parses code spans.
 */
export function codeSpan(text: string, opts: { inTable?: boolean } = {}): string {
  let body = oneLine(text);
  if (body === '') return '';
  if (opts.inTable) body = body.replace(/\|/g, '\\|');
  const ticks = '`'.repeat(longestRun(body, '`') + 1);
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

/** A fenced code block whose fence is longer than any backtick run in `lines`, so the content cannot close it. */
export function fencedBlock(lines: readonly string[]): string {
  const body = lines.map(sanitizeTerminal);
  const fence = '`'.repeat(body.reduce((n, l) => Math.max(n, longestRun(l, '`') + 1), 3));
  return [`${fence}text`, ...body, fence].join('\n');
}
