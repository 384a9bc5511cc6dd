import { CheckboxGroup, CsrfField, ErrorSummary, type FormState, SelectField, SubmitButton, TextField } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import { SUPPORT_TOPICS, TEAM_STRATEGIES } from '../support.schema.ts';

type Person = { id: string; name: string };

export function RoutingOverviewView({
  i,
  rows,
}: {
  i: I18n;
  rows: Array<{ slug: string; name: string; ruleCount: number; defaultUserName: string | null; responseWorkingDays: number }>;
}) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('support.routing.title')}</h1>
      <p class="utrecht-paragraph">{i.t('support.routing.intro')}</p>
      <div class="ir-moderation-scroll">
        <table class="utrecht-table ir-moderation-table">
          <caption class="utrecht-table__caption">{i.t('support.routing.caption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{i.t('support.routing.col.municipality')}</th>
              <th class="utrecht-table__header-cell" scope="col">{i.t('support.routing.col.rules')}</th>
              <th class="utrecht-table__header-cell" scope="col">{i.t('support.routing.col.default')}</th>
              <th class="utrecht-table__header-cell" scope="col">{i.t('support.routing.col.days')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {rows.map((r) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={`/beheer/hulpvragen/routering/${r.slug}`}>
                    {r.name}
                  </a>
                </td>
                <td class="utrecht-table__cell">{r.ruleCount}</td>
                <td class="utrecht-table__cell">{r.defaultUserName ?? i.t('support.routing.noOne')}</td>
                <td class="utrecht-table__cell">{r.responseWorkingDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/hulpvragen">
          {i.t('support.staff.back')}
        </a>
      </p>
    </>
  );
}

export function RoutingEditView({
  i,
  csrfToken,
  municipality,
  managers,
  partners,
  form,
}: {
  i: I18n;
  csrfToken: string;
  municipality: { slug: string; name: string };
  managers: Person[];
  partners: Person[];
  form: FormState;
}) {
  const people = managers.map((m) => ({ value: m.id, label: m.name }));
  const labels: Record<string, string> = { defaultUser: i.t('support.routing.defaultUser'), responseDays: i.t('support.routing.days') };
  for (const t of SUPPORT_TOPICS) {
    const topic = i.t(`support.topic.${t}`);
    labels[`user-${t}`] = `${topic}: ${i.t('support.routing.user')}`;
    labels[`team-${t}`] = `${topic}: ${i.t('support.routing.team')}`;
    labels[`strategy-${t}`] = `${topic}: ${i.t('support.routing.strategy')}`;
    labels[`partner-${t}`] = `${topic}: ${i.t('support.routing.partner')}`;
  }
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('support.routing.edit', { name: municipality.name })}</h1>
      <ErrorSummary i={i} form={form} labels={labels} />
      {managers.length === 0 ? <p class="utrecht-paragraph">{i.t('support.routing.noManagers')}</p> : null}
      <form method="post" action={`/beheer/hulpvragen/routering/${municipality.slug}`} class="ir-profile-form">
        <CsrfField token={csrfToken} />
        <SelectField i={i} form={form} name="defaultUser" label={i.t('support.routing.defaultUser')} hint={i.t('support.routing.defaultHint')} emptyLabel={i.t('support.routing.noOne')} options={people} />
        <TextField i={i} form={form} name="responseDays" type="number" inputmode="numeric" label={i.t('support.routing.days')} hint={i.t('support.routing.daysHint')} required />
        {SUPPORT_TOPICS.map((t) => (
          <fieldset class="utrecht-form-fieldset ir-fieldset" data-topic={t}>
            <legend class="utrecht-form-fieldset__legend utrecht-form-label">{i.t('support.routing.topicLegend', { topic: i.t(`support.topic.${t}`) })}</legend>
            <SelectField
              i={i}
              form={form}
              name={`kind-${t}`}
              label={i.t('support.routing.kind')}
              options={[
                { value: '', label: i.t('support.routing.kind.none') },
                { value: 'user', label: i.t('support.routing.kind.user') },
                { value: 'team', label: i.t('support.routing.kind.team') },
                { value: 'partner', label: i.t('support.routing.kind.partner') },
              ]}
            />
            <SelectField i={i} form={form} name={`user-${t}`} label={i.t('support.routing.user')} emptyLabel={i.t('support.staff.choose')} options={people} />
            {people.length ? <CheckboxGroup i={i} form={form} name={`team-${t}`} label={i.t('support.routing.team')} options={people} /> : null}
            <SelectField
              i={i}
              form={form}
              name={`strategy-${t}`}
              label={i.t('support.routing.strategy')}
              emptyLabel={i.t('support.staff.choose')}
              options={TEAM_STRATEGIES.map((s) => ({ value: s, label: i.t(`support.routing.strategy.${s}`) }))}
            />
            <SelectField i={i} form={form} name={`partner-${t}`} label={i.t('support.routing.partner')} emptyLabel={i.t('support.staff.choose')} options={partners.map((p) => ({ value: p.id, label: p.name }))} />
          </fieldset>
        ))}
        <SubmitButton>{i.t('support.routing.submit')}</SubmitButton>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/hulpvragen/routering">
          {i.t('support.routing.back')}
        </a>
      </p>
    </>
  );
}

export function StandInView({
  i,
  csrfToken,
  current,
  options,
  form,
}: {
  i: I18n;
  csrfToken: string;
  current: { name: string; from: string; until: string | null } | null;
  options: Person[];
  form: FormState;
}) {
  const date = (d: string) => i.formatDate(`${d}T12:00:00Z`);
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('support.standIn.title')}</h1>
      <p class="utrecht-paragraph">{i.t('support.standIn.intro')}</p>
      <ErrorSummary i={i} form={form} labels={{ standIn: i.t('support.standIn.field'), from: i.t('support.standIn.from'), until: i.t('support.standIn.until') }} />
      <p class="utrecht-paragraph" data-stand-in>
        {current
          ? current.until
            ? i.t('support.standIn.current', { name: current.name, from: date(current.from), until: date(current.until) })
            : i.t('support.standIn.currentOpen', { name: current.name, from: date(current.from) })
          : i.t('support.standIn.none')}
      </p>
      <form method="post" action="/beheer/hulpvragen/vervanging" class="ir-profile-form">
        <CsrfField token={csrfToken} />
        <SelectField i={i} form={form} name="standIn" label={i.t('support.standIn.field')} required emptyLabel={i.t('support.staff.choose')} options={options.map((o) => ({ value: o.id, label: o.name }))} />
        <TextField i={i} form={form} name="from" type="date" label={i.t('support.standIn.from')} required />
        <TextField i={i} form={form} name="until" type="date" label={i.t('support.standIn.until')} hint={i.t('support.standIn.untilHint')} />
        <SubmitButton>{i.t('support.standIn.submit')}</SubmitButton>
      </form>
      {current ? (
        <form method="post" action="/beheer/hulpvragen/vervanging/verwijderen">
          <CsrfField token={csrfToken} />
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            {i.t('support.standIn.clear')}
          </button>
        </form>
      ) : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/hulpvragen">
          {i.t('support.staff.back')}
        </a>
      </p>
    </>
  );
}
