/** Links of the directory; one canonical parameter order so the same search always has the same URL. */

export type SearchLinkParams = {
  q?: string | null;
  gemeente?: string;
  thema?: string[];
  sdg?: Array<number | string>;
  certificering?: string;
  sort?: string;
  weergave?: string;
  page?: number;
  pageSize?: number;
};

/** The query string (with a leading "?", or "" when empty) for a search. */
export function searchQueryString(p: SearchLinkParams): string {
  const u = new URLSearchParams();
  if (p.q) u.set('q', p.q);
  if (p.gemeente) u.set('gemeente', p.gemeente);
  for (const t of p.thema ?? []) u.append('thema', t);
  for (const s of p.sdg ?? []) u.append('sdg', String(s));
  if (p.certificering) u.set('certificering', p.certificering);
  if (p.sort) u.set('sort', p.sort);
  if (p.weergave && p.weergave !== 'lijst') u.set('weergave', p.weergave);
  if (p.pageSize !== undefined) u.set('pageSize', String(p.pageSize));
  // The HTML page leaves out page=1; API links (which always carry pageSize) spell every page out.
  if (p.page && (p.page > 1 || p.pageSize !== undefined)) u.set('page', String(p.page));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export const directoryHref = (p: SearchLinkParams = {}) => `/ondernemers${searchQueryString(p)}`;
export const profileHref = (slug: string) => `/ondernemers/${encodeURIComponent(slug)}`;
export const logoHref = (slug: string) => `/ondernemers/${encodeURIComponent(slug)}/logo`;
