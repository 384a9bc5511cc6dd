import { CERTIFICATIONS, region, THEMES } from '../../data/reference.ts';
import type { CertificationRow, ProfileRow } from './directory.profile.queries.ts';
import { logoHref, profileHref } from './directory.urls.ts';

/**
 * JSON for inside <script type="application/ld+json">: "<" and friends escaped, so no text an entrepreneur
 * typed ("</script>", "<!--") can end the element early.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** schema.org Organization for a public profile. */
export function organisationJsonLd(o: ProfileRow, certifications: CertificationRow[], publicUrl: string): Record<string, unknown> {
  const url = `${publicUrl}${profileHref(o.slug)}`;
  const municipality = region.municipalities.find((m) => m.slug === o.municipalitySlug)?.name ?? o.municipalitySlug;
  const out: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': url,
    name: o.name,
    url: o.website ?? url,
    mainEntityOfPage: url,
    areaServed: { '@type': 'AdministrativeArea', name: municipality },
    address: {
      '@type': 'PostalAddress',
      ...(o.streetAddress ? { streetAddress: o.streetAddress } : {}),
      ...(o.postcode ? { postalCode: o.postcode } : {}),
      addressLocality: o.city ?? municipality,
      addressCountry: 'NL',
    },
  };
  if (o.pitch) out.description = o.pitch;
  if (o.hasLogo) out.logo = `${publicUrl}${logoHref(o.slug)}`;
  if (o.email) out.email = o.email;
  if (o.phone) out.telephone = o.phone;
  if (o.foundedYear !== null) out.foundingDate = String(o.foundedYear);
  if (o.employees !== null) out.numberOfEmployees = { '@type': 'QuantitativeValue', value: o.employees };
  if (o.kvkNumber) out.identifier = { '@type': 'PropertyValue', propertyID: 'KvK-nummer', value: o.kvkNumber };
  if (o.themeSlugs.length) out.knowsAbout = o.themeSlugs.map((s) => THEMES.find((t) => t.slug === s)?.label.nl ?? s);
  const verified = certifications.filter((c) => c.verified);
  if (verified.length) out.hasCredential = verified.map((c) => ({ '@type': 'EducationalOccupationalCredential', name: c.otherName ?? CERTIFICATIONS.find((x) => x.code === c.code)?.label.nl ?? c.code }));
  return out;
}
