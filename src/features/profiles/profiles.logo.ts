import sharp from 'sharp';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { ServiceContext } from '../../web/types.ts';
import { hasRole, requireActor } from '../accounts/permissions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './profiles.queries.ts';
import { isUuid, lockAsMember, notFound, requireMembership } from './profiles.service.ts';
import { LOGO_MAX_BYTES, LOGO_MAX_SIDE } from './profiles.validation.ts';

export type ImageKind = 'png' | 'jpeg' | 'webp';

/** Reads the file's first bytes; the name and the Content-Type the browser sent say nothing about the content. */
export function sniffImageKind(bytes: Uint8Array): ImageKind | null {
  const starts = (sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, idx) => bytes[at + idx] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

// A small file can still decode to a huge bitmap ("decompression bomb"); 40 megapixels is plenty for a logo.
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * Checks an uploaded logo by its content and re-encodes it: auto-rotated, fitted in 512x512, WebP, without the
 * original's metadata (EXIF, GPS, ICC comments). Throws validation_failed with a message key for the `logo` field.
 */
export async function processLogo(bytes: Uint8Array): Promise<{ bytes: Buffer; contentType: 'image/webp'; width: number; height: number }> {
  const refuse = (key: string) => new AppError('validation_failed', key, { logo: [key] });
  if (bytes.length === 0) throw refuse('profiles.logo.missing');
  if (bytes.length > LOGO_MAX_BYTES) throw refuse('profiles.logo.tooLarge');
  const kind = sniffImageKind(bytes);
  if (!kind) throw refuse('profiles.logo.wrongType');
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const };
  try {
    const meta = await sharp(bytes, options).metadata();
    if (meta.format !== kind) throw refuse('profiles.logo.wrongType');
    const { data, info } = await sharp(bytes, options)
      .rotate()
      .resize(LOGO_MAX_SIDE, LOGO_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: 'image/webp', width: info.width, height: info.height };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refuse('profiles.logo.unreadable');
  }
}

/** A logo change is an edit of the profile: it moves updated_at (recent changes) and is audited like one. */
async function recordLogoChange(ctx: ServiceContext, tx: DbOrTx, actorId: string, id: string, hasLogo: boolean, now: Date) {
  await q.updateOrganisation(tx, id, { hasLogo, updatedAt: now });
  await recordAudit(tx, ctx.clock, {
    actorUserId: actorId,
    action: 'organisation.updated',
    subjectType: 'organisation',
    subjectId: id,
    details: { fields: ['logo'] },
    requestId: ctx.requestId,
  });
}

/** Replaces the organisation's logo with a checked, re-encoded copy of the upload; nothing changes when it is refused. */
export async function uploadLogo(ctx: ServiceContext, id: string, upload: Uint8Array | null): Promise<void> {
  await requireMembership(ctx, ctx.db, id);
  if (!upload) throw new AppError('validation_failed', 'profiles.logo.missing', { logo: ['profiles.logo.missing'] });
  const logo = await processLogo(upload);
  await ctx.db.transaction(async (tx) => {
    const { actor } = await lockAsMember(ctx, tx, id);
    const now = ctx.clock.now();
    await q.upsertLogo(tx, id, logo.contentType, logo.bytes, now);
    await recordLogoChange(ctx, tx, actor.id, id, true, now);
  });
}

/** Removes the organisation's logo. */
export async function removeLogo(ctx: ServiceContext, id: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const { actor } = await lockAsMember(ctx, tx, id);
    const removed = (await q.deleteLogo(tx, id)) > 0;
    if (removed) await recordLogoChange(ctx, tx, actor.id, id, false, ctx.clock.now());
    return removed;
  });
}

/** The stored logo for a member or a coordinator (the public directory serves published logos itself). */
export async function getLogoForViewer(ctx: ServiceContext, id: string) {
  const actor = requireActor(ctx.actor);
  if (!isUuid(id)) throw notFound();
  if (!hasRole(actor, 'coordinator', 'admin')) await requireMembership(ctx, ctx.db, id);
  const logo = await q.findLogo(ctx.db, id);
  if (!logo) throw notFound();
  return logo;
}
