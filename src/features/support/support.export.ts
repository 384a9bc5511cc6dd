import { Hono } from 'hono';
import type { AppEnv, ServiceContext } from '../../web/types.ts';
import { region } from '../../data/reference.ts';
import { requireActor } from '../accounts/permissions.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { amsterdamDate, formatLocalDate } from './working-days.ts';
import { getMyRequest, listMyRequests } from './support.mine.service.ts';

const todayOf = (now: Date) => formatLocalDate(amsterdamDate(now));

/**
 * "Download my support requests" (AVG/GDPR right of access and portability; helper E): every request of the
 * logged-in person as JSON, with the messages both ways and the milestones, never internal notes. What is visible
 * comes from the support desk's own requester view (getMyRequest), so the download shows exactly what
 * /mijn/hulpvragen shows.
 */
export const EXPORT_FORMAT_VERSION = 1;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function exportMyRequests(ctx: ServiceContext) {
  const actor = requireActor(ctx.actor);
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const result = await listMyRequests(ctx, page);
    ids.push(...result.items.map((r) => r.id));
    if (page >= result.pages) break;
  }
  const base = ctx.config.publicUrl;
  const requests = [];
  for (const id of ids) {
    const d = await getMyRequest(ctx, id);
    const r = d.request;
    requests.push({
      caseNumber: r.caseNumber,
      topic: r.topic,
      municipality: region.municipalities.find((m) => m.slug === r.municipalitySlug)?.name ?? r.municipalitySlug,
      organisation: d.organisationName,
      status: r.status,
      outcome: r.outcome,
      urgency: r.urgency,
      contactPreference: r.contactPreference,
      description: r.description,
      requester: { name: r.requesterName, email: r.requesterEmail, phone: r.requesterPhone },
      consent: { textVersion: r.consentTextVersion, givenAt: iso(r.consentAt) },
      createdAt: iso(r.createdAt),
      confirmedAt: iso(r.confirmedAt),
      firstRespondedAt: iso(r.firstRespondedAt),
      closedAt: iso(r.closedAt),
      satisfaction: r.satisfaction,
      handledBy: d.assigneeName,
      referredTo: d.partnerName,
      timeline: d.events.map((e) => ({ at: iso(e.at), kind: e.kind, by: e.actorName, fromStatus: e.fromStatus, toStatus: e.toStatus, text: e.body })),
      attachments: d.attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, download: `${base}/mijn/hulpvragen/${r.id}/bijlagen/${a.id}` })),
      link: `${base}/mijn/hulpvragen/${r.id}`,
    });
  }
  await recordAudit(ctx.db, ctx.clock, {
    actorUserId: actor.id,
    action: 'support_request.exported_by_requester',
    subjectType: 'user',
    subjectId: actor.id,
    details: { count: requests.length },
    requestId: ctx.requestId,
  });
  return {
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: ctx.clock.now().toISOString(),
    account: { name: actor.name, email: actor.email },
    requests,
  };
}

/** /mijn/hulpvragen/download. Mounted before the support desk's /mijn/hulpvragen/:id (else "download" is an id). */
export function supportExportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/mijn/hulpvragen/download', async (c) => {
    const ctx = serviceContextOf(c);
    const data = await exportMyRequests(ctx);
    return c.body(`${JSON.stringify(data, null, 2)}\n`, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="mijn-hulpvragen-${todayOf(ctx.clock.now())}.json"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}
