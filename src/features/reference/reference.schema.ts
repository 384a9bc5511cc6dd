import { doublePrecision, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/** Reference tables are filled from src/data at every start (see reference.service.ts), never edited by hand. */
export const regions = pgTable('regions', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
});

export const municipalities = pgTable('municipalities', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  province: text('province').notNull(),
  cbsCode: text('cbs_code').notNull(),
  regionSlug: text('region_slug')
    .notNull()
    .references(() => regions.slug),
  lat: doublePrecision('lat'),
  lng: doublePrecision('lng'),
});

export const themes = pgTable('themes', {
  slug: text('slug').primaryKey(),
  labelNl: text('label_nl').notNull(),
  labelEn: text('label_en').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

export const sdgs = pgTable('sdgs', {
  number: smallint('number').primaryKey(),
  labelNl: text('label_nl').notNull(),
  labelEn: text('label_en').notNull(),
});

export const certificationTypes = pgTable('certification_types', {
  code: text('code').primaryKey(),
  labelNl: text('label_nl').notNull(),
  labelEn: text('label_en').notNull(),
});

/** Small key/value facts about this instance, e.g. when demo data was loaded. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
