import MarkdownIt from 'markdown-it';
import { codeSpan, escapeHtmlText, escapeMarkdownText, fencedBlock, htmlCode } from '../../src/report/markdown-escape.js';
import { ATTACKS } from './attack.js';

const md = new MarkdownIt({ html: true, linkify: true });
const ZWJ = '\u200d';
/** Rendered HTML, inline (no <p>). */
const inline = (s: string) => md.renderInline(s);

describe('escapeMarkdownText', () => {
  test.each(Object.entries(ATTACKS))('%s renders as text: no tag, no link', (_name, text) => {
    const html = inline(escapeMarkdownText(text));
    expect(html).not.toMatch(/<(?!\/?(?:p)>)[a-z/]/i);
    expect(html).not.toContain('href');
  });

  test('keeps the visible text (apart from zero-width joiners)', () => {
    const html = inline(escapeMarkdownText(ATTACKS.emphasis + ' ' + ATTACKS.pipe)).replaceAll(ZWJ, '');
    expect(html).toBe('**bold** _it_ ~~gone~~ a | b | c');
  });

  test('Found by a review: invisible characters (soft hyphen, tag characters, U+2061) render as visible escapes', () => {
    for (const [ch, shown] of [['\u00ad', '\\xad'], ['\u{e0041}', '\\u{e0041}'], ['\u2061', '\\u2061'], ['\u3164', '\\u3164']]) {
      const text = `BUG: scheduling bug in foo${ch}`;
      for (const out of [escapeMarkdownText(text), escapeHtmlText(text), htmlCode(text), codeSpan(text), fencedBlock([text])]) {
        expect(out).not.toContain(ch);
        expect(md.render(out).replaceAll(ZWJ, '')).toContain(`foo${shown}`);
      }
    }
  });

  test('mentions, issue refs and URLs are broken with a zero-width joiner', () => {
    expect(escapeMarkdownText('@torvalds')).toBe(`\\@${ZWJ}torvalds`);
    expect(escapeMarkdownText('#123')).toBe(`\\#${ZWJ}123`);
    expect(escapeMarkdownText('http://x')).toContain(`:${ZWJ}//`);
    expect(escapeMarkdownText('www.x.org')).toContain(`www${ZWJ}.`);
    // GFM links `www.` after `_` too (it looks at the raw character before, whatever escapes it).
    expect(escapeMarkdownText('see_www.evil.example/login')).toContain(`www${ZWJ}.`);
  });

  // Found by a review pasting reports into GitHub: `:bug:` in a log line became an emoji.
  test('emoji shortcodes are broken, in Markdown text and in HTML text; a PCI address or a colon run is left alone', () => {
    expect(escapeMarkdownText('oops :bug: :+1: :100:')).toBe(`oops \\:${ZWJ}bug\\: \\:${ZWJ}+1\\: \\:${ZWJ}100\\:`);
    expect(escapeHtmlText('x :shipit: y')).toBe(`x :${ZWJ}shipit: y`);
    expect(escapeHtmlText('pci 0000:00:1f.0 x0 : ffff')).toBe('pci 0000:00:1f.0 x0 : ffff');
    // A review found these broken: bus numbers and MAC bytes with a digit are no emoji names.
    expect(escapeHtmlText('pcieport 0000:0a:00.0: AER mac 02:1f:3c:ab:cd:e5')).toBe(`pcieport 0000:0a:00.0: AER mac 02:1f:3c:${ZWJ}ab:${ZWJ}cd:e5`);
  });

  test('GitLab references are broken too', () => {
    expect(escapeMarkdownText('!12 $3 ~bug ~"a b" %v1 &7')).toBe(`\\!${ZWJ}12 \\$${ZWJ}3 \\~${ZWJ}bug \\~${ZWJ}"a b" %${ZWJ}v1 &amp;${ZWJ}7`);
  });

  test('Found by a review: GitLab\'s bracket and iteration references are broken too', () => {
    expect(escapeMarkdownText('[vulnerability:1] [feature_flag:1] [contact:a@b.example] [work_item:1] *iteration:123')).toBe(
      `\\[${ZWJ}vulnerability\\:1\\] \\[${ZWJ}feature\\_flag\\:1\\] \\[${ZWJ}contact\\:a\\@${ZWJ}b.example\\] \\[${ZWJ}work\\_item\\:1\\] \\*${ZWJ}iteration\\:123`,
    );
    expect(escapeHtmlText('[vulnerability:1] *iteration:"Sprint 1"')).toBe(`[${ZWJ}vulnerability:1] *${ZWJ}iteration:&quot;Sprint 1&quot;`);
    // Rendered, the text is what the log said (but for the joiners): GitLab's filters then find no reference in it.
    expect(inline(escapeMarkdownText('[work_item:1] *iteration:123'))).toBe(`[${ZWJ}work_item:1] *${ZWJ}iteration:123`);
    // A code span needs none: GitLab links no reference inside code.
    expect(codeSpan('[vulnerability:1]')).toBe('`[vulnerability:1]`');
  });

  test('a list or heading marker at the start stays text', () => {
    expect(md.render(escapeMarkdownText(ATTACKS.list))).toBe('<p>1. item</p>\n');
    expect(md.render(escapeMarkdownText('- item'))).toBe('<p>- item</p>\n');
    expect(md.render(escapeMarkdownText('---'))).toBe('<p>---</p>\n');
    expect(md.render(escapeMarkdownText(ATTACKS.heading))).toBe('<p># heading</p>\n');
  });

  test('entities in the log are shown, not decoded', () => {
    expect(inline(escapeMarkdownText('&lt;b&gt;')).replaceAll(ZWJ, '')).toBe('&amp;lt;b&amp;gt;');
  });

  test('newlines cannot start a new block', () => {
    expect(md.render(escapeMarkdownText('a\n<script>x</script>\n# h'))).not.toContain('<script');
  });
});

describe('escapeHtmlText', () => {
  test('entity-escapes markup and breaks mentions', () => {
    expect(escapeHtmlText(`</summary><img onerror="x"> @me`)).toBe(`&lt;/summary&gt;&lt;img onerror=&quot;x&quot;&gt; @${ZWJ}me`);
  });
});

describe('htmlCode', () => {
  test('entity-escapes markup, and leaves mentions to the code element, without a zero-width joiner', () => {
    expect(htmlCode(`</summary><img onerror="x"> foo_@bar #12`)).toBe(
      '<code>&lt;/summary&gt;&lt;img onerror=&quot;x&quot;&gt; foo_@bar #12</code>',
    );
  });

  test('keeps to one line, and is nothing for no text', () => {
    expect(htmlCode('a\n</code>b')).toBe('<code>a\\x0a&lt;/code&gt;b</code>');
    expect(htmlCode('')).toBe('');
  });
});

// Found by a review: a file named "new\nline.log" was named `new line.log` in the ticket, a file that does not exist.
test('Found by a review: a line break in a name is escaped as the text format shows it, in every form', () => {
  const names: [string, string][] = [['new\nline.log', 'new\\x0aline.log'], ['cr\rhide.log', 'cr\\x0dhide.log'], ['crlf\r\n.log', 'crlf\\x0d\\x0a.log']];
  for (const [name, shown] of names) {
    expect(codeSpan(name)).toBe(`\`${shown}\``);
    expect(codeSpan(name, { inTable: true })).toBe(`\`${shown}\``);
    expect(htmlCode(name)).toBe(`<code>${shown}</code>`);
    expect(md.render(escapeMarkdownText(name)).replaceAll(ZWJ, '')).toBe(`<p>${shown}</p>\n`);
    expect(escapeHtmlText(name)).toBe(shown);
  }
});

describe('codeSpan', () => {
  test.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['``x', '``` ``x ```'],
    ['', ''],
  ])('%p → %p', (text, span) => {
    expect(codeSpan(text)).toBe(span);
  });

  test('renders the exact text, whatever backticks it holds', () => {
    for (const text of ['a`b', '``x', 'y```', ATTACKS.fence]) {
      expect(inline(codeSpan(text))).toBe(`<code>${md.utils.escapeHtml(text)}</code>`);
    }
  });

  test('in a table cell a pipe is escaped and the row keeps its cells', () => {
    const html = md.render(`| a | b |\n|---|---|\n| ${codeSpan('x | y', { inTable: true })} | z |\n`);
    expect(html).toContain('<td><code>x | y</code></td>');
    expect(html.match(/<td>/g)).toHaveLength(2);
  });
});

describe('fencedBlock', () => {
  test('the fence is longer than any backtick run, so content cannot close it', () => {
    const lines = ['before', '````', '</details>', '`````tail', 'after'];
    const block = fencedBlock(lines);
    expect(block.startsWith('``````text\n')).toBe(true);
    const html = md.render(`${block}\n\nOUTSIDE\n`);
    expect(html).toBe(`<pre><code class="language-text">${md.utils.escapeHtml(lines.join('\n'))}\n</code></pre>\n<p>OUTSIDE</p>\n`);
  });

  test('uses three backticks when the content has none, and shows control characters escaped', () => {
    expect(fencedBlock(['a\x1b[31mb'])).toBe('```text\na\\x1b[31mb\n```');
  });
});
