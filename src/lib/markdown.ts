import { z } from 'zod';

/**
 * A small, safe Markdown subset for texts that staff and entrepreneurs write (stories, event descriptions).
 *
 * Safety comes from construction, not from cleaning: every character of the source is HTML-escaped, and the only
 * tags in the output are the ones this renderer writes itself (p, br, h2-h4, ul/ol/li, blockquote, strong, em,
 * code, a). Raw HTML in the source is never passed through, so `<script>` or `onerror=` can only ever show up as
 * visible text. Link targets are limited to http(s), mailto and site paths; anything else (javascript:, data:,
 * vbscript:) stays plain text. `markdownProblems` tells a form what it would neutralise, so the writer gets a clear
 * message instead of a silently changed text.
 *
 * Supported: paragraphs (blank line), line breaks (single newline), headings (#, ##, ###), bullet lists (- * +),
 * numbered lists (1.), quotes (>), **bold**, *italic* / _italic_, `code`, [text](url), bare https:// links,
 * backslash escapes.
 */

export type MarkdownOptions = {
  /** The HTML level of a "#" or "##" heading; "###" and deeper follow (max h4). The page's h1 stays above. Default 2. */
  headingLevel?: 2 | 3;
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A link target that may become an href, or null. Relative site paths ("/agenda") are allowed; "//host" is not. */
export function safeLinkTarget(raw: string): string | null {
  const url = raw.trim();
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"): look at it without them.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^\/(?!\/)/.test(compact)) return compact;
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(compact)) return compact;
  if (!/^https?:\/\//i.test(compact)) return null;
  try {
    const u = new URL(compact);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

// --- inline ------------------------------------------------------------------------------------------------------

const ESCAPABLE = '\\`*_{}[]()#+-.!>~|<';

/** Inline Markdown of one block (already split into lines joined by \n) to HTML. */
function renderInline(text: string): string {
  let out = '';
  let k = 0;
  const n = text.length;
  while (k < n) {
    const ch = text[k];
    if (ch === '\\' && k + 1 < n && ESCAPABLE.includes(text[k + 1])) {
      out += escapeHtml(text[k + 1]);
      k += 2;
      continue;
    }
    if (ch === '\n') {
      out += '<br>\n';
      k++;
      continue;
    }
    if (ch === '`') {
      const end = text.indexOf('`', k + 1);
      if (end > k + 1) {
        out += `<code>${escapeHtml(text.slice(k + 1, end))}</code>`;
        k = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      const link = /^\[([^\]\n]{1,500})\]\(([^()\s]{1,2000})\)/.exec(text.slice(k));
      if (link) {
        const href = safeLinkTarget(link[2]);
        const label = renderInline(link[1]);
        out += href ? `<a class="utrecht-link" href="${escapeHtml(href)}"${/^https?:/i.test(href) ? ' rel="nofollow ugc"' : ''}>${label}</a>` : label;
        k += link[0].length;
        continue;
      }
    }
    if ((ch === '*' && text[k + 1] === '*') || (ch === '_' && text[k + 1] === '_')) {
      const marker = ch + ch;
      const end = text.indexOf(marker, k + 2);
      if (end > k + 2 && text[k + 2] !== ' ') {
        out += `<strong>${renderInline(text.slice(k + 2, end))}</strong>`;
        k = end + 2;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && text[k + 1] !== ' ' && text[k + 1] !== ch) {
      // "_" inside a word (snake_case, file_name) is not emphasis.
      const wordBefore = ch === '_' && k > 0 && /[\p{L}\p{N}]/u.test(text[k - 1]);
      const end = text.indexOf(ch, k + 1);
      if (!wordBefore && end > k + 1 && text[end - 1] !== ' ' && !(ch === '_' && /[\p{L}\p{N}]/u.test(text[end + 1] ?? ''))) {
        out += `<em>${renderInline(text.slice(k + 1, end))}</em>`;
        k = end + 1;
        continue;
      }
    }
    if ((ch === 'h' || ch === 'H') && (k === 0 || /[\s(]/.test(text[k - 1]))) {
      const bare = /^https?:\/\/[^\s<>"']+/i.exec(text.slice(k));
      if (bare) {
        const url = bare[0].replace(/[.,;:!?)]+$/, '');
        const href = safeLinkTarget(url);
        if (href) {
          out += `<a class="utrecht-link" href="${escapeHtml(href)}" rel="nofollow ugc">${escapeHtml(url)}</a>`;
          k += url.length;
          continue;
        }
      }
    }
    out += escapeHtml(ch);
    k++;
  }
  return out;
}

// --- blocks ------------------------------------------------------------------------------------------------------

type Block =
  | { kind: 'p'; lines: string[] }
  | { kind: 'h'; depth: number; text: string }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'quote'; lines: string[] };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

function blocksOf(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let current: Block | null = null;
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (const line of lines) {
    if (line.trim() === '') {
      close();
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    const quote = QUOTE.exec(line);
    const c = current as Block | null;
    if (heading) {
      close();
      blocks.push({ kind: 'h', depth: heading[1].length, text: heading[2] });
    } else if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      const item = (bullet ?? numbered)![1];
      if (c && c.kind === kind) c.items.push(item);
      else {
        close();
        current = { kind, items: [item] };
      }
    } else if (quote) {
      if (c && c.kind === 'quote') c.lines.push(quote[1]);
      else {
        close();
        current = { kind: 'quote', lines: [quote[1]] };
      }
    } else if (c && (c.kind === 'ul' || c.kind === 'ol') && /^\s+/.test(line)) {
      // An indented line continues the last list item.
      c.items[c.items.length - 1] += `\n${line.trim()}`;
    } else if (c && c.kind === 'p') {
      c.lines.push(line.trim());
    } else {
      close();
      current = { kind: 'p', lines: [line.trim()] };
    }
  }
  close();
  return blocks;
}

/** Markdown source to HTML that is safe to put in a page as it is. */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  const base = options.headingLevel ?? 2;
  return blocksOf(source)
    .map((b) => {
      switch (b.kind) {
        case 'p':
          return `<p class="utrecht-paragraph">${renderInline(b.lines.join('\n'))}</p>`;
        case 'h': {
          // "#" and "##" are both the text's top level: writers use either for a subheading under the page title.
          const level = Math.min(4, base + Math.max(0, b.depth - 2));
          return `<h${level} class="utrecht-heading-${level}">${renderInline(b.text)}</h${level}>`;
        }
        case 'ul':
        case 'ol': {
          const cls = b.kind === 'ul' ? 'utrecht-unordered-list' : 'utrecht-ordered-list';
          return `<${b.kind} class="${cls}">${b.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${b.kind}>`;
        }
        case 'quote':
          return `<blockquote class="utrecht-blockquote"><p class="utrecht-paragraph">${renderInline(b.lines.join('\n'))}</p></blockquote>`;
      }
    })
    .join('\n');
}

/** Plain text of Markdown (for summaries, feeds and meta descriptions): markers removed, links as their label. */
export function markdownToPlainText(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .replace(/^[ \t]{0,3}(#{1,6}|>|[-*+]|\d{1,9}[.)])[ \t]+/gm, '')
    .replace(/\[([^\]\n]+)\]\([^()\s]+\)/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/(^|\s)[*_]([^*_\n]+)[*_]/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|<])/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export type MarkdownProblem = 'markdown.problem.html' | 'markdown.problem.link';

/**
 * What the renderer would neutralise in this text, as message keys: raw HTML (tags, comments, event handlers) and
 * link targets other than http(s), mailto or a site path. Forms refuse such text with these messages, so nothing
 * is stored that the writer did not see rendered.
 */
export function markdownProblems(source: string): MarkdownProblem[] {
  const problems = new Set<MarkdownProblem>();
  // A tag or comment starts with "<" and a letter, "/", "!" or "?"; "a < b" and "<3" are ordinary text.
  if (/<\s*[a-zA-Z!/?]/.test(source) || /\bon[a-z]+\s*=\s*["'`]/i.test(source)) problems.add('markdown.problem.html');
  for (const m of source.matchAll(/\[[^\]\n]{1,500}\]\(([^()\s]{1,2000})\)/g)) {
    if (!safeLinkTarget(m[1])) problems.add('markdown.problem.link');
  }
  // Outside link syntax too ("data:" alone is ordinary Dutch for dates, so only a data: URL with a media type counts).
  if (/(^|[\s(<"'=])(javascript|vbscript)\s*:|(^|[\s(<"'=])data:[a-z]+\/[a-z0-9.+-]+[;,]/i.test(source)) problems.add('markdown.problem.link');
  return [...problems];
}

/**
 * A zod field for a Markdown text in a form or API body: trimmed, at most `max` characters, and refused with a clear
 * message (see markdownProblems) when it holds HTML or an unsafe link. `required` makes an empty text an error.
 */
export function markdownField(max: number, options: { required?: boolean } = {}) {
  const base = z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : (v ?? '')), z.string().max(max));
  const sized = options.required ? base.pipe(z.string().min(1, 'common.validation.required')) : base;
  return sized.superRefine((text, ctx) => {
    for (const problem of markdownProblems(text)) ctx.addIssue({ code: 'custom', message: problem });
  });
}
