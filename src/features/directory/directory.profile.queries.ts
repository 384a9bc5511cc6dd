import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf, SUMMARY_COLUMNS, type SummaryRow } from './directory.queries.ts';

/** SQL of one published profile: its columns, certifications and logo (the search is in directory.queries.ts). */

export type ProfileRow = SummaryRow & {
  kvkNumber: string | null;
  streetAddress: string | null;
  postcode: string | null;
  email: string | null;
  phone: string | null;
  description: string;
  impactProblem: string;
  impactTargetGroup: string;
  impactMeasurement: string;
  foundedYear: number | null;
  employees: number | null;
  employeesDistanceToLabourMarket: number | null;
  offer: string;
  needs: string;
  isPartner: boolean;
  isDemo: boolean;
  updatedAt: Date;
};

/** One published organisation by slug, or null. */
export async function findPublishedBySlug(db: DbOrTx, slug: string): Promise<ProfileRow | null> {
  const [row] = await rowsOf<ProfileRow>(
    db,
    sql`SELECT ${SUMMARY_COLUMNS}, o.kvk_number AS "kvkNumber", o.street_address AS "streetAddress",
          o.postcode, o.email, o.phone, o.description, o.impact_problem AS "impactProblem",
          o.impact_target_group AS "impactTargetGroup", o.impact_measurement AS "impactMeasurement",
          o.founded_year AS "foundedYear", o.employees, o.employees_distance_to_labour_market AS "employeesDistanceToLabourMarket",
          o.offer, o.needs, o.is_partner AS "isPartner", o.is_demo AS "isDemo", o.updated_at AS "updatedAt"
        FROM organisations o WHERE o.slug = ${slug} AND o.status = 'published'`,
  );
  return row ?? null;
}

export type CertificationRow = { code: string; otherName: string | null; verified: boolean };

/** The certifications an organisation claims, with the coordinator's verification. */
export async function findCertifications(db: DbOrTx, organisationId: string): Promise<CertificationRow[]> {
  return rowsOf<CertificationRow>(
    db,
    sql`SELECT code, other_name AS "otherName", verified FROM organisation_certifications
        WHERE organisation_id = ${organisationId} ORDER BY code`,
  );
}

export type LogoRow = { contentType: string; bytes: Buffer; updatedAt: Date };

/** The logo of a published organisation, or null. */
export async function findPublishedLogo(db: DbOrTx, slug: string): Promise<LogoRow | null> {
  const [row] = await rowsOf<LogoRow>(
    db,
    sql`SELECT l.content_type AS "contentType", l.bytes, l.updated_at AS "updatedAt"
        FROM organisation_logos l JOIN organisations o ON o.id = l.organisation_id
        WHERE o.slug = ${slug} AND o.status = 'published'`,
  );
  return row ?? null;
}
