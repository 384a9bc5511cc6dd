/**
 * An Atom 1.0 (RFC 4287) writer for the news feeds (new events, stories): pure functions, no I/O.
 * All text goes through escapeXml; characters XML 1.0 does not allow are dropped, so no user text can break the feed.
 */

export type AtomEntry = {
  /** A permanent IRI for the entry (we use urn:uuid:<row id>): it never changes when the title or address does. */
  id: string;
  title: string;
  url: string;
  published: Date;
  updated: Date;
  summary: string;
  /** Safe HTML (rendered by src/lib/markdown.ts), sent as type="html". */
  contentHtml?: string;
  categories?: Array<{ term: string; label: string }>;
  author?: string;
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own address (rel="self"). */
  selfUrl: string;
  /** The HTML page with the same list (rel="alternate"). */
  pageUrl: string;
  /** When nothing is in the feed: the feed's own fixed date, so an empty feed is still valid and stable. */
  emptyUpdated: Date;
  author: string;
  lang: 'nl' | 'en';
  entries: AtomEntry[];
};

/** XML text and attribute escaping; strips characters that are not allowed in XML 1.0. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function entryXml(e: AtomEntry): string {
  const parts = [
    '  <entry>',
    `    <id>${escapeXml(e.id)}</id>`,
    `    <title type="text">${escapeXml(e.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
    `    <published>${iso(e.published)}</published>`,
    `    <updated>${iso(e.updated)}</updated>`,
  ];
  if (e.author) parts.push(`    <author><name>${escapeXml(e.author)}</name></author>`);
  for (const c of e.categories ?? []) parts.push(`    <category term="${escapeXml(c.term)}" label="${escapeXml(c.label)}"/>`);
  parts.push(`    <summary type="text">${escapeXml(e.summary)}</summary>`);
  if (e.contentHtml) parts.push(`    <content type="html">${escapeXml(e.contentHtml)}</content>`);
  parts.push('  </entry>');
  return parts.join('\n');
}

/** The whole feed document. `updated` is the newest entry's update (or emptyUpdated). */
export function buildAtomFeed(f: AtomFeed): string {
  const updated = f.entries.reduce((max, e) => (e.updated > max ? e.updated : max), f.entries.length ? new Date(0) : f.emptyUpdated);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${f.lang}">`,
    `  <id>${escapeXml(f.id)}</id>`,
    `  <title type="text">${escapeXml(f.title)}</title>`,
    ...(f.subtitle ? [`  <subtitle type="text">${escapeXml(f.subtitle)}</subtitle>`] : []),
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(f.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(f.pageUrl)}"/>`,
    `  <updated>${iso(updated)}</updated>`,
    `  <author><name>${escapeXml(f.author)}</name></author>`,
    '  <generator>Impact in de Regio</generator>',
    ...f.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
