import type { I18n } from '../../../web/i18n/i18n.ts';
import type { StaffTool } from '../staff.tools.ts';

export function StaffHomeView({ i, tools }: { i: I18n; tools: StaffTool[] }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('staff.home.title')}</h1>
      <p class="utrecht-paragraph">{i.t('staff.home.intro')}</p>
      {tools.length === 0 ? (
        <p class="utrecht-paragraph">{i.t('staff.home.none')}</p>
      ) : (
        <ul class="ir-cards" data-staff-tools>
          {tools.map((t) => (
            <li class="ir-card">
              <h2 class="utrecht-heading-3">
                <a class="utrecht-link" href={t.href}>
                  {i.t(t.titleKey)}
                </a>
              </h2>
              <p class="utrecht-paragraph">{i.t(t.textKey)}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
