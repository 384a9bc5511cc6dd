import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { CERTIFICATIONS, type RegionData, region as defaultRegion, SDGS, THEMES } from '../../data/reference.ts';
import { appSettings, certificationTypes, municipalities, regions, sdgs, themes } from './reference.schema.ts';

/** Writes the curated reference data (region, municipalities, themes, SDGs, certifications) into their tables. Idempotent. */
export async function syncReferenceData(db: DbOrTx, region: RegionData = defaultRegion): Promise<void> {
  await db.insert(regions).values({ slug: region.slug, name: region.name }).onConflictDoUpdate({ target: regions.slug, set: { name: region.name } });
  await db
    .insert(municipalities)
    .values(region.municipalities.map((m) => ({ slug: m.slug, name: m.name, province: m.province, cbsCode: m.cbsCode, regionSlug: region.slug, lat: m.lat, lng: m.lng })))
    .onConflictDoUpdate({
      target: municipalities.slug,
      set: { name: sql`excluded.name`, province: sql`excluded.province`, cbsCode: sql`excluded.cbs_code`, regionSlug: sql`excluded.region_slug`, lat: sql`excluded.lat`, lng: sql`excluded.lng` },
    });
  await db
    .insert(themes)
    .values(THEMES.map((t, idx) => ({ slug: t.slug, labelNl: t.label.nl, labelEn: t.label.en, sortOrder: idx })))
    .onConflictDoUpdate({ target: themes.slug, set: { labelNl: sql`excluded.label_nl`, labelEn: sql`excluded.label_en`, sortOrder: sql`excluded.sort_order` } });
  await db
    .insert(sdgs)
    .values(SDGS.map((s) => ({ number: s.number, labelNl: s.label.nl, labelEn: s.label.en })))
    .onConflictDoUpdate({ target: sdgs.number, set: { labelNl: sql`excluded.label_nl`, labelEn: sql`excluded.label_en` } });
  await db
    .insert(certificationTypes)
    .values(CERTIFICATIONS.map((c) => ({ code: c.code, labelNl: c.label.nl, labelEn: c.label.en })))
    .onConflictDoUpdate({ target: certificationTypes.code, set: { labelNl: sql`excluded.label_nl`, labelEn: sql`excluded.label_en` } });
}

export async function getSetting(db: DbOrTx, key: string): Promise<string | null> {
  const rows = await db.select().from(appSettings).where(sql`${appSettings.key} = ${key}`);
  return rows[0]?.value ?? null;
}

export async function setSetting(db: DbOrTx, key: string, value: string): Promise<void> {
  await db.insert(appSettings).values({ key, value }).onConflictDoUpdate({ target: appSettings.key, set: { value } });
}
