import { type Context, Hono } from 'hono';
import { isAppError } from '../../lib/errors.ts';
import { emptyForm, type FormState } from '../../web/components/forms.tsx';
import { readForm, validate } from '../../web/forms.ts';
import type { I18n } from '../../web/i18n/i18n.ts';
import { requireRole } from '../../web/middleware/auth.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { jsonForScript } from '../directory/directory.jsonld.ts';
import { storyJsonLd } from './stories.jsonld.ts';
import {
  createStory,
  deleteStory,
  getPublishedStory,
  getPublishedStoryImage,
  getStoryForStaff,
  getStoryImageForStaff,
  listPublishedStories,
  listStoriesForStaff,
  removeStoryImage,
  type SaveResult,
  setStoryPublished,
  updateStory,
  uploadStoryImage,
} from './stories.service.ts';
import type { LinkedOrganisation, StoryRow } from './stories.queries.ts';
import { staffStoryHref, storiesAtomHref } from './stories.urls.ts';
import { imageAltSchema, parseStoryFilters, storyInputSchema } from './stories.validation.ts';
import { DeleteStoryView, EditStoryView, NewStoryView, StaffStoryListView } from './views/StaffStoryViews.tsx';
import { StoryListView, StoryPageView } from './views/StoryViews.tsx';

const translate = (i: I18n, errors: Record<string, string[]>) => Object.fromEntries(Object.entries(errors).map(([field, keys]) => [field, keys.map((k) => i.t(k))]));

const pageParam = (c: Context<AppEnv>) => {
  const n = Number.parseInt(c.req.query('pagina') ?? '1', 10);
  return Number.isFinite(n) && n > 0 && n < 1_000_000 ? n : 1;
};

/** The edit form filled from the stored story. */
function formValuesOf(story: StoryRow, organisations: LinkedOrganisation[]): FormState['values'] {
  return { title: story.title, kind: story.kind, lead: story.lead, body: story.body, themes: story.themeSlugs, organisations: organisations.map((o) => o.slug).join('\n') };
}

const unknownOrganisationsError = (i: I18n, result: Extract<SaveResult, { ok: false }>) => ({
  organisations: [i.t('stories.validation.unknownOrganisations', { slugs: result.unknownOrganisations.join(', ') })],
});

/** /verhalen (public) and /beheer/verhalen (the coordinator writes stories). */
export function storiesRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // --- public -------------------------------------------------------------------------------------------------------
  app.get('/verhalen', async (c) => {
    const i = c.var.i18n;
    const filters = parseStoryFilters({ thema: c.req.query('thema'), pagina: c.req.query('pagina') });
    const page = await listPublishedStories(serviceContextOf(c), filters);
    const title = i.t('stories.list.title');
    return renderPage(
      c,
      {
        title: page.page > 1 ? `${title} (${i.t('common.pagination.page', { page: page.page })})` : title,
        head: <link rel="alternate" type="application/atom+xml" title={i.t('stories.atom.title')} href={storiesAtomHref(filters.thema)} />,
      },
      <StoryListView i={i} page={page} theme={filters.thema} />,
    );
  });

  app.get('/verhalen/:slug', async (c) => {
    const { story, organisations } = await getPublishedStory(serviceContextOf(c), c.req.param('slug'));
    const jsonLd = jsonForScript(storyJsonLd(story, organisations, c.var.deps.config.publicUrl));
    return renderPage(
      c,
      { title: story.title, head: <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} /> },
      <StoryPageView i={c.var.i18n} story={story} organisations={organisations} />,
    );
  });

  app.get('/verhalen/:slug/afbeelding', async (c) => {
    const image = await getPublishedStoryImage(serviceContextOf(c), c.req.param('slug'));
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('Set-Cookie', undefined); // publicly cacheable: no per-visitor cookie may ride along
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Last-Modified', image.updatedAt.toUTCString());
    return c.body(new Uint8Array(image.bytes), 200, { 'Content-Type': image.contentType, 'Content-Disposition': 'inline' });
  });

  // --- coordinator ----------------------------------------------------------------------------------------------------
  app.use('/beheer/verhalen', requireRole('coordinator'));
  app.use('/beheer/verhalen/*', requireRole('coordinator'));

  app.get('/beheer/verhalen', async (c) => {
    const list = await listStoriesForStaff(serviceContextOf(c), pageParam(c));
    return renderPage(c, { title: c.var.i18n.t('stories.staff.title') }, <StaffStoryListView i={c.var.i18n} list={list} />);
  });

  const renderNew = (c: Context<AppEnv>, form: FormState, status: 200 | 422) =>
    renderPage(c, { title: c.var.i18n.t('stories.staff.newTitle'), status }, <NewStoryView i={c.var.i18n} form={form} csrfToken={c.var.csrfToken} />);

  app.get('/beheer/verhalen/nieuw', (c) => renderNew(c, emptyForm({ kind: 'portret' }), 200));

  app.post('/beheer/verhalen/nieuw', async (c) => {
    const i = c.var.i18n;
    const values = await readForm(c);
    const parsed = validate(storyInputSchema, values, i);
    if (!parsed.success) return renderNew(c, { values, errors: parsed.errors }, 422);
    const result = await createStory(serviceContextOf(c), parsed.data);
    if (!result.ok) return renderNew(c, { values, errors: unknownOrganisationsError(i, result) }, 422);
    return redirectWithFlash(c, staffStoryHref(result.story.id), 'stories.flash.created');
  });

  const renderEdit = async (c: Context<AppEnv>, id: string, forms: { form?: FormState; imageForm?: FormState } = {}, status: 200 | 422 = 200) => {
    const { story, organisations } = await getStoryForStaff(serviceContextOf(c), id);
    return renderPage(
      c,
      { title: c.var.i18n.t('stories.staff.editTitle', { title: story.title }), status },
      <EditStoryView
        i={c.var.i18n}
        story={story}
        organisations={organisations}
        form={forms.form ?? emptyForm(formValuesOf(story, organisations))}
        imageForm={forms.imageForm ?? emptyForm({ imageAlt: story.imageAlt ?? '' })}
        csrfToken={c.var.csrfToken}
      />,
    );
  };

  app.get('/beheer/verhalen/:id', (c) => renderEdit(c, c.req.param('id')));

  app.get('/beheer/verhalen/:id/voorbeeld', async (c) => {
    const { story, organisations } = await getStoryForStaff(serviceContextOf(c), c.req.param('id'));
    const base = staffStoryHref(story.id);
    return renderPage(
      c,
      { title: c.var.i18n.t('stories.preview.title', { title: story.title }) },
      <StoryPageView
        i={c.var.i18n}
        story={story}
        organisations={organisations.filter((o) => o.status === 'published')}
        preview={{ imageSrc: `${base}/afbeelding?v=${story.updatedAt.getTime().toString(36)}`, backHref: base }}
      />,
    );
  });

  app.post('/beheer/verhalen/:id', async (c) => {
    const i = c.var.i18n;
    const id = c.req.param('id');
    const values = await readForm(c);
    const parsed = validate(storyInputSchema, values, i);
    if (!parsed.success) return renderEdit(c, id, { form: { values, errors: parsed.errors } }, 422);
    const result = await updateStory(serviceContextOf(c), id, parsed.data);
    if (!result.ok) return renderEdit(c, id, { form: { values, errors: unknownOrganisationsError(i, result) } }, 422);
    return redirectWithFlash(c, staffStoryHref(id), 'stories.flash.saved');
  });

  app.post('/beheer/verhalen/:id/publiceren', async (c) => {
    await setStoryPublished(serviceContextOf(c), c.req.param('id'), true);
    return redirectWithFlash(c, staffStoryHref(c.req.param('id')), 'stories.flash.published');
  });

  app.post('/beheer/verhalen/:id/offline', async (c) => {
    await setStoryPublished(serviceContextOf(c), c.req.param('id'), false);
    return redirectWithFlash(c, staffStoryHref(c.req.param('id')), 'stories.flash.unpublished');
  });

  app.get('/beheer/verhalen/:id/verwijderen', async (c) => {
    const { story } = await getStoryForStaff(serviceContextOf(c), c.req.param('id'));
    return renderPage(c, { title: c.var.i18n.t('stories.delete.title', { title: story.title }) }, <DeleteStoryView i={c.var.i18n} story={story} csrfToken={c.var.csrfToken} />);
  });

  app.post('/beheer/verhalen/:id/verwijderen', async (c) => {
    await deleteStory(serviceContextOf(c), c.req.param('id'));
    return redirectWithFlash(c, '/beheer/verhalen', 'stories.flash.deleted');
  });

  app.post('/beheer/verhalen/:id/afbeelding', async (c) => {
    const i = c.var.i18n;
    const id = c.req.param('id');
    const body = await c.req.parseBody({ all: true });
    const file = Array.isArray(body.image) ? body.image[0] : body.image;
    const upload = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    const altRaw = Array.isArray(body.imageAlt) ? body.imageAlt[0] : body.imageAlt;
    const values = { imageAlt: typeof altRaw === 'string' ? altRaw.replace(/\u0000/g, '') : '' };
    const alt = validate(imageAltSchema, values, i);
    const errors: Record<string, string[]> = alt.success ? {} : { ...alt.errors };
    if (!upload) errors.image = [i.t('stories.image.missing')];
    if (Object.keys(errors).length === 0 && alt.success) {
      try {
        await uploadStoryImage(serviceContextOf(c), id, upload, alt.data.imageAlt);
        return redirectWithFlash(c, staffStoryHref(id), 'stories.flash.imageSaved');
      } catch (e) {
        if (!isAppError(e) || e.code !== 'validation_failed') throw e;
        Object.assign(errors, translate(i, e.fieldErrors));
      }
    }
    return renderEdit(c, id, { imageForm: { values, errors } }, 422);
  });

  app.post('/beheer/verhalen/:id/afbeelding/verwijderen', async (c) => {
    const removed = await removeStoryImage(serviceContextOf(c), c.req.param('id'));
    return redirectWithFlash(c, staffStoryHref(c.req.param('id')), removed ? 'stories.flash.imageRemoved' : 'stories.flash.noImage');
  });

  app.get('/beheer/verhalen/:id/afbeelding', async (c) => {
    const image = await getStoryImageForStaff(serviceContextOf(c), c.req.param('id'));
    return c.body(new Uint8Array(image.bytes), 200, { 'Content-Type': image.contentType, 'Cache-Control': 'private, max-age=0, must-revalidate' });
  });

  return app;
}
