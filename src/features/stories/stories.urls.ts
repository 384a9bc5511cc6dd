/** Addresses of the stories, in one place for pages, feeds, the home page and profiles. */
export const storiesHref = (p: { thema?: string; pagina?: number } = {}) => {
  const params = new URLSearchParams();
  if (p.thema) params.set('thema', p.thema);
  if (p.pagina && p.pagina > 1) params.set('pagina', String(p.pagina));
  const qs = params.toString();
  return `/verhalen${qs ? `?${qs}` : ''}`;
};
export const storyHref = (slug: string) => `/verhalen/${encodeURIComponent(slug)}`;
export const storyImageHref = (slug: string, updatedAt: Date) => `/verhalen/${encodeURIComponent(slug)}/afbeelding?v=${updatedAt.getTime().toString(36)}`;
export const storiesAtomHref = (thema?: string) => `/verhalen.atom${thema ? `?thema=${encodeURIComponent(thema)}` : ''}`;
export const staffStoryHref = (id: string) => `/beheer/verhalen/${id}`;
