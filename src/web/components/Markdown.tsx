import { raw } from 'hono/html';
import { type MarkdownOptions, renderMarkdown } from '../../lib/markdown.ts';

/** A Markdown text as HTML (src/lib/markdown.ts escapes everything and writes only its own tags). */
export function Markdown({ source, headingLevel, class: cls }: { source: string; class?: string } & MarkdownOptions) {
  return <div class={cls ?? 'ir-markdown'}>{raw(renderMarkdown(source, { headingLevel }))}</div>;
}
