import { region, SDGS, THEMES } from '../../../data/reference.ts';
import { Checkbox, CheckboxGroup, CsrfField, ErrorSummary, type FormState, SelectField, SubmitButton, TextArea, TextField } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import { EVENT_TYPES } from '../agenda.schema.ts';
import { DESCRIPTION_MAX, TITLE_MAX } from '../agenda.validation.ts';
import { SET_POSITIONS, WEEKDAYS } from '../recurrence.ts';
import { typeLabel, weekdayName } from './agenda.format.ts';

const FIELDS = [
  'title', 'type', 'organisation', 'description', 'themes', 'sdgs', 'startDate', 'startTime', 'endDate', 'endTime', 'repeat', 'interval',
  'weekdays', 'monthlyPosition', 'endsBy', 'untilDate', 'count', 'attendance', 'locationName', 'streetAddress', 'postcode', 'city',
  'municipality', 'onlineUrl', 'locationForRegisteredOnly', 'registrationMode', 'capacity', 'externalRegistrationUrl',
] as const;

/** Field labels by form name, for the error summary. */
export const eventFieldLabels = (i: I18n): Record<string, string> => Object.fromEntries(FIELDS.map((f) => [f, i.t(`agenda.field.${f}`)]));

export type EventFormOptions = {
  organisations: Array<{ id: string; name: string }>;
  programmeAllowed: boolean;
  publishesDirectly: boolean;
};

/** The create and edit form of an event. Works without JavaScript: every part is visible, hints say when it applies. */
export function EventFormView({
  i,
  form,
  mode,
  action,
  csrfToken,
  options,
  cancelHref,
  eventTitle,
  isSeries,
}: {
  i: I18n;
  form: FormState;
  mode: 'create' | 'edit';
  action: string;
  csrfToken: string;
  options: EventFormOptions;
  cancelHref: string;
  eventTitle?: string;
  isSeries?: boolean;
}) {
  const labels = eventFieldLabels(i);
  const common = { i, form };
  const organisationOptions = options.organisations.map((o) => ({ value: o.id, label: o.name }));
  return (
    <>
      <h1 class="utrecht-heading-1">{mode === 'create' ? i.t('agenda.form.createTitle') : i.t('agenda.form.editTitle', { title: eventTitle ?? '' })}</h1>
      <ErrorSummary i={i} form={form} labels={labels} />
      <p class="utrecht-paragraph">
        {mode === 'create' ? i.t(options.publishesDirectly ? 'agenda.form.introDirect' : 'agenda.form.introReview') : i.t('agenda.form.introEdit')}
      </p>
      <form method="post" action={action} class="ir-form" novalidate>
        <CsrfField token={csrfToken} />
        <section aria-labelledby="sectie-over">
          <h2 class="utrecht-heading-2" id="sectie-over">
            {i.t('agenda.form.sectionAbout')}
          </h2>
          <TextField {...common} name="title" label={labels.title} required maxlength={TITLE_MAX} />
          <SelectField {...common} name="type" label={labels.type} required emptyLabel={i.t('agenda.form.choose')} options={EVENT_TYPES.map((t) => ({ value: t, label: typeLabel(i, t) }))} />
          <SelectField
            {...common}
            name="organisation"
            label={labels.organisation}
            hint={i.t(options.programmeAllowed ? 'agenda.hint.organisationOptional' : 'agenda.hint.organisation')}
            required={!options.programmeAllowed}
            emptyLabel={options.programmeAllowed ? i.t('agenda.form.programme') : i.t('agenda.form.choose')}
            options={organisationOptions}
          />
          <TextArea {...common} name="description" label={labels.description} hint={i.t('markdown.hint')} rows={8} maxlength={DESCRIPTION_MAX} />
          <CheckboxGroup {...common} name="themes" label={labels.themes} options={THEMES.map((t) => ({ value: t.slug, label: i.label(t.label) }))} />
          <CheckboxGroup {...common} name="sdgs" label={labels.sdgs} options={SDGS.map((s) => ({ value: String(s.number), label: i.t('agenda.sdgLabel', { number: s.number, label: i.label(s.label) }) }))} />
        </section>

        <section aria-labelledby="sectie-wanneer">
          <h2 class="utrecht-heading-2" id="sectie-wanneer">
            {i.t('agenda.form.sectionWhen')}
          </h2>
          <p class="utrecht-paragraph">{i.t(isSeries ? 'agenda.form.whenIntroSeries' : 'agenda.form.whenIntro')}</p>
          <div class="ir-agenda-inline-fields">
            <TextField {...common} name="startDate" type="date" label={labels.startDate} hint={i.t('agenda.hint.date')} required />
            <TextField {...common} name="startTime" type="time" label={labels.startTime} hint={i.t('agenda.hint.time')} required />
          </div>
          <div class="ir-agenda-inline-fields">
            <TextField {...common} name="endDate" type="date" label={labels.endDate} hint={i.t('agenda.hint.endDate')} />
            <TextField {...common} name="endTime" type="time" label={labels.endTime} hint={i.t('agenda.hint.time')} required />
          </div>
          <SelectField
            {...common}
            name="repeat"
            label={labels.repeat}
            required
            options={[
              { value: 'nee', label: i.t('agenda.form.repeat.nee') },
              { value: 'wekelijks', label: i.t('agenda.form.repeat.wekelijks') },
              { value: 'maandelijks', label: i.t('agenda.form.repeat.maandelijks') },
            ]}
          />
          <fieldset class="utrecht-form-fieldset ir-fieldset ir-agenda-exception">
            <legend class="utrecht-form-fieldset__legend utrecht-form-label">{i.t('agenda.form.repeatLegend')}</legend>
            <p class="utrecht-form-field-description">{i.t('agenda.form.repeatHelp')}</p>
            <TextField {...common} name="interval" type="number" inputmode="numeric" label={labels.interval} hint={i.t('agenda.hint.interval')} />
            <CheckboxGroup {...common} name="weekdays" label={labels.weekdays} hint={i.t('agenda.hint.weekdays')} options={WEEKDAYS.map((d) => ({ value: d, label: weekdayName(i, d) }))} />
            <SelectField
              {...common}
              name="monthlyPosition"
              label={labels.monthlyPosition}
              hint={i.t('agenda.hint.monthlyPosition')}
              emptyLabel={i.t('agenda.form.choose')}
              options={SET_POSITIONS.map((p) => ({ value: String(p), label: i.t('agenda.form.positionOption', { pos: i.t(`agenda.position.${p === -1 ? 'last' : String(p)}`) }) }))}
            />
            <SelectField
              {...common}
              name="endsBy"
              label={labels.endsBy}
              hint={i.t('agenda.hint.endsBy')}
              emptyLabel={i.t('agenda.form.choose')}
              options={[
                { value: 'datum', label: i.t('agenda.form.endsBy.datum') },
                { value: 'aantal', label: i.t('agenda.form.endsBy.aantal') },
              ]}
            />
            <div class="ir-agenda-inline-fields">
              <TextField {...common} name="untilDate" type="date" label={labels.untilDate} />
              <TextField {...common} name="count" type="number" inputmode="numeric" label={labels.count} hint={i.t('agenda.hint.count')} />
            </div>
          </fieldset>
        </section>

        <section aria-labelledby="sectie-waar">
          <h2 class="utrecht-heading-2" id="sectie-waar">
            {i.t('agenda.form.sectionWhere')}
          </h2>
          <SelectField
            {...common}
            name="attendance"
            label={labels.attendance}
            required
            options={[
              { value: 'locatie', label: i.t('agenda.form.attendance.locatie') },
              { value: 'online', label: i.t('agenda.form.attendance.online') },
              { value: 'beide', label: i.t('agenda.form.attendance.beide') },
            ]}
          />
          <SelectField {...common} name="municipality" label={labels.municipality} hint={i.t('agenda.hint.municipality')} required emptyLabel={i.t('agenda.form.choose')} options={region.municipalities.map((m) => ({ value: m.slug, label: m.name }))} />
          <TextField {...common} name="locationName" label={labels.locationName} hint={i.t('agenda.hint.locationName')} maxlength={150} />
          <TextField {...common} name="streetAddress" label={labels.streetAddress} maxlength={200} autocomplete="street-address" />
          <div class="ir-agenda-inline-fields">
            <TextField {...common} name="postcode" label={labels.postcode} maxlength={8} autocomplete="postal-code" />
            <TextField {...common} name="city" label={labels.city} hint={i.t('agenda.hint.city')} maxlength={100} autocomplete="address-level2" />
          </div>
          <TextField {...common} name="onlineUrl" type="url" label={labels.onlineUrl} hint={i.t('agenda.hint.onlineUrl')} maxlength={500} />
          <Checkbox {...common} name="locationForRegisteredOnly" label={labels.locationForRegisteredOnly} hint={i.t('agenda.hint.locationForRegisteredOnly')} />
        </section>

        <section aria-labelledby="sectie-aanmelden">
          <h2 class="utrecht-heading-2" id="sectie-aanmelden">
            {i.t('agenda.form.sectionRegistration')}
          </h2>
          <SelectField
            {...common}
            name="registrationMode"
            label={labels.registrationMode}
            required
            options={[
              { value: 'none', label: i.t('agenda.form.mode.none') },
              { value: 'internal', label: i.t('agenda.form.mode.internal') },
              { value: 'external', label: i.t('agenda.form.mode.external') },
            ]}
          />
          <TextField {...common} name="capacity" type="number" inputmode="numeric" label={labels.capacity} hint={i.t('agenda.hint.capacity')} />
          <TextField {...common} name="externalRegistrationUrl" type="url" label={labels.externalRegistrationUrl} hint={i.t('agenda.hint.externalRegistrationUrl')} maxlength={500} />
        </section>

        <div class="ir-form-actions">
          <SubmitButton>{mode === 'create' ? i.t(options.publishesDirectly ? 'agenda.form.submitPublish' : 'agenda.form.submitReview') : i.t('agenda.form.save')}</SubmitButton>
          <a class="utrecht-link" href={cancelHref}>
            {i.t('agenda.form.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
