import type { Context } from 'hono';
import { isAppError } from '../../lib/errors.ts';
import type { FormState } from '../../web/components/forms.tsx';
import { readForm, validate } from '../../web/forms.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import type { AppEnv } from '../../web/types.ts';
import { translateErrors } from './support.ask.pages.tsx';

type RenderDetail = (c: Context<AppEnv>, id: string, form: FormState, status: 200 | 409 | 422) => Promise<Response>;

/**
 * The POST handlers of one request's page ("Mijn hulpvragen" and the staff page alike): validate, run the action,
 * redirect to the page with a flash; a refusal shows the page again with the typed values and the message (422/409).
 */
export const requestActionsFor =
  (renderDetail: RenderDetail, basePath: string) =>
  <T,>(schema: Parameters<typeof validate>[0], field: string, run: (c: Context<AppEnv>, id: string, data: T) => Promise<void>, flash: string) =>
  async (c: Context<AppEnv>) => {
    const i = c.var.i18n;
    const id = c.req.param('id')!;
    const values = await readForm(c);
    const parsed = validate(schema, values, i);
    if (!parsed.success) return renderDetail(c, id, { values, errors: parsed.errors }, 422);
    try {
      await run(c, id, parsed.data as T);
    } catch (e) {
      if (isAppError(e) && e.code === 'validation_failed') return renderDetail(c, id, { values, errors: translateErrors(i, e) }, 422);
      if (isAppError(e) && e.code === 'conflict') return renderDetail(c, id, { values, errors: { [field]: [i.t(e.message)] } }, 409);
      throw e;
    }
    return redirectWithFlash(c, `${basePath}/${id}`, flash);
  };
