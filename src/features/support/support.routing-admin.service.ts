import { eq } from 'drizzle-orm';
import { region } from '../../data/reference.ts';
import { AppError, type FieldErrors } from '../../lib/errors.ts';
import type { ServiceContext } from '../../web/types.ts';
import { requireActor, requireActorWithRole } from '../accounts/permissions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { DEFAULT_RESPONSE_WORKING_DAYS } from './support.ask.service.ts';
import * as q from './support.queries.ts';
import { type RoutingTargetKind, SUPPORT_TOPICS, supportMunicipalitySettings, supportRoutingRules, supportStandIns, type SupportTopic, type TeamStrategy } from './support.schema.ts';
import { isUuid } from './support.scope.ts';

const notFound = () => new AppError('not_found', 'common.error.notFoundText');
const requireCoordinator = (ctx: ServiceContext) => requireActorWithRole(ctx.actor, 'coordinator', 'admin');

/** Per municipality: how many topics have a rule, the default person and the promised days. */
export async function routingOverview(ctx: ServiceContext) {
  requireCoordinator(ctx);
  return Promise.all(
    region.municipalities.map(async (m) => {
      const [rules, settings] = await Promise.all([q.rulesOf(ctx.db, m.slug), q.settingsOf(ctx.db, m.slug)]);
      return {
        slug: m.slug,
        name: m.name,
        ruleCount: rules.length,
        defaultUserName: await q.nameOfUser(ctx.db, settings?.defaultUserId ?? null),
        responseWorkingDays: settings?.responseWorkingDays ?? DEFAULT_RESPONSE_WORKING_DAYS,
      };
    }),
  );
}

/** The rules of one municipality with the people and partners that can be chosen. */
export async function routingOfMunicipality(ctx: ServiceContext, slug: string) {
  requireCoordinator(ctx);
  const municipality = region.municipalities.find((m) => m.slug === slug);
  if (!municipality) throw notFound();
  const [rules, settings, managers, coordinators, partners] = await Promise.all([
    q.rulesOf(ctx.db, slug),
    q.settingsOf(ctx.db, slug),
    q.usersWithRole(ctx.db, 'account_manager', slug),
    q.usersWithRole(ctx.db, 'coordinator', null),
    q.listPartnerOrganisations(ctx.db),
  ]);
  return { municipality, rules, settings, managers, coordinators, partners };
}

export type RuleInput = { topic: SupportTopic; kind: RoutingTargetKind; userId?: string; teamUserIds?: string[]; strategy?: TeamStrategy; partnerId?: string };
export type RoutingInputForm = { defaultUserId: string | null; responseWorkingDays: number; rules: RuleInput[] };

/**
 * Replaces the municipality's routing in one transaction. Every person named must be an active account manager of
 * the municipality; every partner a partner organisation. Field errors are message keys per form field.
 */
export async function saveRouting(ctx: ServiceContext, slug: string, input: RoutingInputForm): Promise<void> {
  const actor = requireCoordinator(ctx);
  const { managers, partners, rules: oldRules } = await routingOfMunicipality(ctx, slug);
  const managerIds = new Set(managers.map((m) => m.id));
  const partnerIds = new Set(partners.map((p) => p.id));
  const errors: FieldErrors = {};
  const err = (field: string, key: string) => (errors[field] ??= []).push(key);
  if (input.defaultUserId && !managerIds.has(input.defaultUserId)) err('defaultUser', 'support.routing.error.person');
  if (!Number.isInteger(input.responseWorkingDays) || input.responseWorkingDays < 1 || input.responseWorkingDays > 20) err('responseDays', 'support.routing.error.days');
  for (const r of input.rules) {
    if (r.kind === 'user' && !(r.userId && managerIds.has(r.userId))) err(`user-${r.topic}`, 'support.routing.error.person');
    if (r.kind === 'team') {
      if (!r.teamUserIds?.length || r.teamUserIds.some((id) => !managerIds.has(id))) err(`team-${r.topic}`, 'support.routing.error.team');
      if (!r.strategy) err(`strategy-${r.topic}`, 'support.routing.error.strategy');
    }
    if (r.kind === 'partner' && !(r.partnerId && partnerIds.has(r.partnerId))) err(`partner-${r.topic}`, 'support.routing.error.partner');
  }
  if (Object.keys(errors).length) throw new AppError('validation_failed', 'support.routing.error.summary', errors);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(supportMunicipalitySettings)
      .values({ municipalitySlug: slug, defaultUserId: input.defaultUserId, responseWorkingDays: input.responseWorkingDays, updatedAt: now })
      .onConflictDoUpdate({ target: supportMunicipalitySettings.municipalitySlug, set: { defaultUserId: input.defaultUserId, responseWorkingDays: input.responseWorkingDays, updatedAt: now } });
    await tx.delete(supportRoutingRules).where(eq(supportRoutingRules.municipalitySlug, slug));
    for (const r of input.rules) {
      const old = oldRules.find((o) => o.topic === r.topic);
      await tx.insert(supportRoutingRules).values({
        municipalitySlug: slug,
        topic: r.topic,
        targetKind: r.kind,
        targetUserId: r.kind === 'user' ? r.userId! : null,
        teamUserIds: r.kind === 'team' ? r.teamUserIds! : [],
        teamStrategy: r.kind === 'team' ? r.strategy! : null,
        partnerOrganisationId: r.kind === 'partner' ? r.partnerId! : null,
        // Keep the round-robin turn when the team stays the same.
        lastAssignedUserId: r.kind === 'team' && old?.targetKind === 'team' ? old.lastAssignedUserId : null,
        updatedAt: now,
      });
    }
    await recordAudit(tx, ctx.clock, {
      actorUserId: actor.id,
      action: 'support_routing.updated',
      subjectType: 'municipality',
      subjectId: slug,
      details: { rules: input.rules.map((r) => `${r.topic}:${r.kind}`), defaultUserId: input.defaultUserId, responseWorkingDays: input.responseWorkingDays },
      requestId: ctx.requestId,
    });
  });
}

export const isTopic = (v: string): v is SupportTopic => (SUPPORT_TOPICS as readonly string[]).includes(v);

/** An account manager's absence settings and who can stand in (account managers sharing a municipality, coordinators). */
export async function myStandIn(ctx: ServiceContext) {
  const actor = requireActorWithRole(ctx.actor, 'account_manager');
  const slugs = actor.roles.filter((r) => r.role === 'account_manager' && r.municipalitySlug).map((r) => r.municipalitySlug!);
  const lists = await Promise.all([...slugs.map((s) => q.usersWithRole(ctx.db, 'account_manager', s)), q.usersWithRole(ctx.db, 'coordinator', null)]);
  const seen = new Set<string>([actor.id]);
  const options = lists.flat().filter((u) => !seen.has(u.id) && !!seen.add(u.id));
  const current = await q.findStandIn(ctx.db, actor.id);
  return { current, currentName: current ? await q.nameOfUser(ctx.db, current.standInUserId) : null, options };
}

export async function setStandIn(ctx: ServiceContext, input: { standIn: string; from: string; until?: string }): Promise<void> {
  const actor = requireActor(ctx.actor);
  const { options } = await myStandIn(ctx);
  if (!isUuid(input.standIn) || !options.some((o) => o.id === input.standIn)) {
    throw new AppError('validation_failed', 'support.validation.standIn', { standIn: ['support.validation.standIn'] });
  }
  const now = ctx.clock.now();
  const values = { standInUserId: input.standIn, absentFrom: input.from, absentUntil: input.until ?? null, updatedAt: now };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(supportStandIns).values({ userId: actor.id, ...values }).onConflictDoUpdate({ target: supportStandIns.userId, set: values });
    await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: 'support_stand_in.set', subjectType: 'user', subjectId: actor.id, details: { standInUserId: input.standIn, from: input.from, until: input.until ?? null }, requestId: ctx.requestId });
  });
}

export async function clearStandIn(ctx: ServiceContext): Promise<boolean> {
  const actor = requireActorWithRole(ctx.actor, 'account_manager');
  return ctx.db.transaction(async (tx) => {
    const removed = await tx.delete(supportStandIns).where(eq(supportStandIns.userId, actor.id)).returning({ id: supportStandIns.userId });
    if (removed.length) await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: 'support_stand_in.cleared', subjectType: 'user', subjectId: actor.id, requestId: ctx.requestId });
    return removed.length > 0;
  });
}
