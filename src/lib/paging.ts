/**
 * Which page of `total` items to show, `size` to a page. A requested page out of range, or not a whole number,
 * becomes the nearest page that exists (there is always a page 1, empty or not).
 */
export function pageOf(requested: number, total: number, size: number): { page: number; pages: number; total: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Number.isSafeInteger(requested) ? requested : 1), pages);
  return { page, pages, total, offset: (page - 1) * size };
}
