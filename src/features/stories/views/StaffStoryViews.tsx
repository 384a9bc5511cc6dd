import { THEMES } from '../../../data/reference.ts';
import { CheckboxGroup, CsrfField, ErrorSummary, fieldId, type FormState, SelectField, SubmitButton, TextArea, TextField } from '../../../web/components/forms.tsx';
import { Pagination } from '../../../web/components/Pagination.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { LinkedOrganisation, StoryRow, StorySummary } from '../stories.queries.ts';
import { STORY_KINDS } from '../stories.schema.ts';
import { staffStoryHref, storyHref } from '../stories.urls.ts';
import { BODY_MAX, IMAGE_ALT_MAX, LEAD_MAX, TITLE_MAX } from '../stories.validation.ts';

type StaffRow = StorySummary & { status: 'draft' | 'published' };

const statusKey = (status: string) => (status === 'published' ? 'stories.status.published' : 'stories.status.draft');

/** GET /beheer/verhalen: every story, drafts first. */
export function StaffStoryListView({ i, list }: { i: I18n; list: { stories: StaffRow[]; page: number; pages: number; total: number } }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('stories.staff.title')}</h1>
      <p class="utrecht-paragraph">{i.t('stories.staff.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link ir-profile-button-link" href="/beheer/verhalen/nieuw">
          {i.t('stories.staff.new')}
        </a>
      </p>
      {list.stories.length === 0 ? (
        <p class="utrecht-paragraph ir-profile-empty-state">{i.t('stories.staff.empty')}</p>
      ) : (
        <div class="ir-moderation-scroll">
          <table class="utrecht-table ir-moderation-table">
            <caption class="utrecht-table__caption">{i.t('stories.staff.caption', { total: list.total })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {i.t('stories.field.title')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {i.t('stories.staff.colStatus')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {i.t('stories.staff.colUpdated')}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {list.stories.map((s) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={staffStoryHref(s.id)}>
                      {s.title}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">{i.t(statusKey(s.status))}</td>
                  <td class="utrecht-table__cell">{i.formatDateTime(s.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination i={i} page={list.page} pages={list.pages} hrefFor={(p) => `/beheer/verhalen?pagina=${p}`} />
    </>
  );
}

export const storyFieldLabels = (i: I18n): Record<string, string> => ({
  title: i.t('stories.field.title'),
  kind: i.t('stories.field.kind'),
  lead: i.t('stories.field.lead'),
  body: i.t('stories.field.body'),
  themes: i.t('stories.field.themes'),
  organisations: i.t('stories.field.organisations'),
});

/** The story's own fields; the same form creates and edits. */
function StoryForm({ i, form, action, csrfToken, submitKey }: { i: I18n; form: FormState; action: string; csrfToken: string; submitKey: string }) {
  return (
    <form method="post" action={action} class="ir-form ir-profile-form">
      <CsrfField token={csrfToken} />
      <TextField i={i} form={form} name="title" label={i.t('stories.field.title')} required maxlength={TITLE_MAX} />
      <SelectField i={i} form={form} name="kind" label={i.t('stories.field.kind')} required options={STORY_KINDS.map((k) => ({ value: k, label: i.t(`stories.kind.${k}`) }))} />
      <TextArea i={i} form={form} name="lead" label={i.t('stories.field.lead')} hint={i.t('stories.field.leadHint')} required rows={3} maxlength={LEAD_MAX} />
      <TextArea i={i} form={form} name="body" label={i.t('stories.field.body')} hint={i.t('markdown.hint')} required rows={16} maxlength={BODY_MAX} />
      <CheckboxGroup i={i} form={form} name="themes" label={i.t('stories.field.themes')} options={THEMES.map((t) => ({ value: t.slug, label: i.label(t.label) }))} />
      <TextArea i={i} form={form} name="organisations" label={i.t('stories.field.organisations')} hint={i.t('stories.field.organisationsHint')} rows={3} />
      <div class="ir-form-actions">
        <SubmitButton>{i.t(submitKey)}</SubmitButton>
        <a class="utrecht-link" href="/beheer/verhalen">
          {i.t('stories.staff.cancel')}
        </a>
      </div>
    </form>
  );
}

/** GET /beheer/verhalen/nieuw */
export function NewStoryView({ i, form, csrfToken }: { i: I18n; form: FormState; csrfToken: string }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('stories.staff.newTitle')}</h1>
      <ErrorSummary i={i} form={form} labels={storyFieldLabels(i)} />
      <p class="utrecht-paragraph">{i.t('stories.staff.newIntro')}</p>
      <StoryForm i={i} form={form} action="/beheer/verhalen/nieuw" csrfToken={csrfToken} submitKey="stories.staff.create" />
    </>
  );
}

/** GET /beheer/verhalen/:id: the story's form, its image, publishing and removal. */
export function EditStoryView({
  i,
  story,
  organisations,
  form,
  imageForm,
  csrfToken,
}: {
  i: I18n;
  story: StoryRow;
  organisations: LinkedOrganisation[];
  form: FormState;
  imageForm: FormState;
  csrfToken: string;
}) {
  const base = staffStoryHref(story.id);
  const imageErrors = [...(imageForm.errors.image ?? [])];
  const imageId = fieldId('image');
  const unpublishedOrgs = organisations.filter((o) => o.status !== 'published');
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('stories.staff.editTitle', { title: story.title })}</h1>
      <ErrorSummary i={i} form={{ values: {}, errors: { ...form.errors, ...imageForm.errors } }} labels={{ ...storyFieldLabels(i), image: i.t('stories.field.image'), imageAlt: i.t('stories.field.imageAlt') }} />
      <p class="utrecht-paragraph">
        {i.t('stories.staff.statusIs', { status: i.t(statusKey(story.status)) })}{' '}
        {story.status === 'published' ? (
          <a class="utrecht-link" href={storyHref(story.slug)}>
            {i.t('stories.staff.view')}
          </a>
        ) : (
          <a class="utrecht-link" href={`${base}/voorbeeld`}>
            {i.t('stories.staff.preview')}
          </a>
        )}
      </p>
      <section class="ir-profile-panel" aria-labelledby="verhaal-publiceren">
        <h2 class="utrecht-heading-2" id="verhaal-publiceren">
          {i.t('stories.staff.publishTitle')}
        </h2>
        <p class="utrecht-paragraph">{i.t(story.status === 'published' ? 'stories.staff.publishedText' : 'stories.staff.draftText')}</p>
        <form method="post" action={`${base}/${story.status === 'published' ? 'offline' : 'publiceren'}`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class={`utrecht-button ${story.status === 'published' ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}>
            {i.t(story.status === 'published' ? 'stories.staff.unpublish' : 'stories.staff.publish')}
          </button>
        </form>
      </section>
      <section class="ir-profile-panel" aria-labelledby="verhaal-tekst">
        <h2 class="utrecht-heading-2" id="verhaal-tekst">
          {i.t('stories.staff.textTitle')}
        </h2>
        {unpublishedOrgs.length ? <p class="utrecht-paragraph">{i.t('stories.staff.unpublishedOrgs', { names: unpublishedOrgs.map((o) => o.name).join(', ') })}</p> : null}
        <StoryForm i={i} form={form} action={base} csrfToken={csrfToken} submitKey="stories.staff.save" />
      </section>
      <section class="ir-profile-panel" aria-labelledby="verhaal-afbeelding">
        <h2 class="utrecht-heading-2" id="verhaal-afbeelding">
          {i.t('stories.field.image')}
        </h2>
        {story.hasImage ? (
          <>
            <img class="ir-story__image ir-story__image--preview" src={`${base}/afbeelding?v=${story.updatedAt.getTime().toString(36)}`} alt={story.imageAlt ?? ''} />
            <form method="post" action={`${base}/afbeelding/verwijderen`}>
              <CsrfField token={csrfToken} />
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                {i.t('stories.image.remove')}
              </button>
            </form>
          </>
        ) : (
          <p class="utrecht-paragraph">{i.t('stories.image.none')}</p>
        )}
        <form method="post" action={`${base}/afbeelding`} enctype="multipart/form-data" class="ir-form">
          <CsrfField token={csrfToken} />
          <div class={`utrecht-form-field ir-field ${imageErrors.length ? 'utrecht-form-field--invalid' : ''}`}>
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for={imageId}>
                {i.t('stories.image.field')}
              </label>
            </div>
            <div class="utrecht-form-field-description" id={`${imageId}-uitleg`}>
              {i.t('stories.image.hint')}
            </div>
            {imageErrors.length ? (
              <div class="utrecht-form-field-error-message" id={`${imageId}-fout`}>
                {imageErrors.join(' ')}
              </div>
            ) : null}
            <div class="utrecht-form-field__input">
              <input
                class="ir-profile-file"
                type="file"
                id={imageId}
                name="image"
                accept="image/png,image/jpeg,image/webp"
                aria-invalid={imageErrors.length ? 'true' : undefined}
                aria-describedby={[`${imageId}-uitleg`, imageErrors.length ? `${imageId}-fout` : null].filter(Boolean).join(' ')}
              />
            </div>
          </div>
          <TextField i={i} form={imageForm} name="imageAlt" label={i.t('stories.field.imageAlt')} hint={i.t('stories.field.imageAltHint')} required maxlength={IMAGE_ALT_MAX} />
          <SubmitButton>{i.t('stories.image.submit')}</SubmitButton>
        </form>
      </section>
      <section class="ir-profile-panel" aria-labelledby="verhaal-verwijderen">
        <h2 class="utrecht-heading-2" id="verhaal-verwijderen">
          {i.t('stories.staff.deleteTitle')}
        </h2>
        <p class="utrecht-paragraph">{i.t('stories.staff.deleteText')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/verwijderen`}>
            {i.t('stories.staff.delete')}
          </a>
        </p>
      </section>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/verhalen">
          {i.t('stories.staff.back')}
        </a>
      </p>
    </>
  );
}

/** GET /beheer/verhalen/:id/verwijderen: one more question before a story is gone for good. */
export function DeleteStoryView({ i, story, csrfToken }: { i: I18n; story: StoryRow; csrfToken: string }) {
  const base = staffStoryHref(story.id);
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('stories.delete.title', { title: story.title })}</h1>
      <p class="utrecht-paragraph">{i.t(story.status === 'published' ? 'stories.delete.textPublished' : 'stories.delete.text')}</p>
      <form method="post" action={`${base}/verwijderen`}>
        <CsrfField token={csrfToken} />
        <div class="ir-form-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            {i.t('stories.delete.confirm')}
          </button>
          <a class="utrecht-link" href={base}>
            {i.t('stories.delete.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
