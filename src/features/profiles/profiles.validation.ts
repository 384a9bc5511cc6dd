import { z } from 'zod';
import { certificationCodes, LEGAL_FORMS, municipalitySlugs, SDGS, themeSlugs } from '../../data/reference.ts';
import { isKvkNumber, normalisePostcode, squish } from '../../lib/text.ts';
import { webAddressField } from '../../lib/web-address.ts';

/** The version of the consent text an entrepreneur agrees to; the text itself is `profiles.consent.text.<version>` in the catalogue. */
export const CONSENT_TEXT_VERSION = '2026-11-v1';

export const PITCH_MAX = 200;
const LONG_TEXT_MAX = 5000;
const MEDIUM_TEXT_MAX = 2000;

// Browsers send '' for an empty field; treat that as "not given".
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const toList = (v: unknown) => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]);

const requiredLine = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? squish(v) : v), z.string({ message: 'common.validation.required' }).min(1, 'common.validation.required').max(max));
const optionalLine = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? squish(v) : v), z.string().max(max)).transform((s) => s || null).optional();
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : v ?? ''), z.string().max(max));

/** A whole number typed in a form field, or nothing. */
const optionalInt = (min: number, max: number, tooSmall: string, tooBig: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^-?[0-9]{1,9}$/, 'common.validation.number')
      .transform(Number)
      .pipe(z.number().int().min(min, tooSmall).max(max, tooBig))
      .optional(),
  );

/** Decimal degrees; Dutch users type a decimal comma. */
const optionalCoordinate = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .regex(/^-?[0-9]{1,3}([.,][0-9]{1,10})?$/, 'profiles.validation.coordinate')
    .transform((s) => Number(s.replace(',', '.')))
    .optional(),
);

const websiteField = webAddressField(300);

const listOf = (allowed: readonly string[], message: string) =>
  z.preprocess(
    toList,
    z
      .array(z.string())
      .max(allowed.length)
      .refine((xs) => xs.every((x) => allowed.includes(x)), message)
      .transform((xs) => [...new Set(xs)]),
  );

const sdgNumbers = SDGS.map((s) => String(s.number));

// Regions are configuration, so the list of municipalities is read when the schema is built.
const municipalityField = () =>
  z.preprocess(emptyToUndefined, z.string({ message: 'profiles.validation.municipality' }).refine((s) => municipalitySlugs().includes(s), 'profiles.validation.municipality'));

/**
 * The organisation profile as typed in the create/edit form. Only identity fields are required to save a draft;
 * what review needs on top is checked by `missingForReview`.
 */
export function profileInputSchema(options: { currentYear: number }) {
  return z
    .object({
      name: requiredLine(120),
      kvkNumber: z.preprocess(
        (v) => (typeof v === 'string' ? v.replace(/[\s.]/g, '') : v),
        z.string({ message: 'common.validation.required' }).min(1, 'common.validation.required').refine(isKvkNumber, 'profiles.validation.kvk'),
      ),
      legalForm: z.preprocess(
        emptyToUndefined,
        z.string({ message: 'profiles.validation.legalForm' }).refine((s) => LEGAL_FORMS.some((f) => f.code === s), 'profiles.validation.legalForm'),
      ),
      municipality: municipalityField(),
      streetAddress: optionalLine(200),
      postcode: z.preprocess(
        emptyToUndefined,
        z
          .string()
          .transform((s, ctx) => {
            const p = normalisePostcode(s);
            if (!p) ctx.addIssue({ code: 'custom', message: 'profiles.validation.postcode' });
            return p ?? s;
          })
          .optional(),
      ),
      city: optionalLine(100),
      lat: optionalCoordinate,
      lng: optionalCoordinate,
      website: websiteField,
      email: z.preprocess(emptyToUndefined, z.string().trim().max(254).pipe(z.email('common.validation.email')).optional()),
      phone: z.preprocess(
        emptyToUndefined,
        z
          .string()
          .trim()
          .max(30)
          .refine((s) => /^\+?[0-9\s()-]+$/.test(s) && s.replace(/[^0-9]/g, '').length >= 10 && s.replace(/[^0-9]/g, '').length <= 15, 'profiles.validation.phone')
          .optional(),
      ),
      pitch: optionalText(PITCH_MAX).refine((s) => !s.includes('\n'), 'profiles.validation.pitchOneLine'),
      description: optionalText(LONG_TEXT_MAX),
      impactProblem: optionalText(MEDIUM_TEXT_MAX),
      impactTargetGroup: optionalText(MEDIUM_TEXT_MAX),
      impactMeasurement: optionalText(MEDIUM_TEXT_MAX),
      themes: listOf(themeSlugs, 'common.validation.choice'),
      sdgs: listOf(sdgNumbers, 'common.validation.choice').transform((xs) => xs.map(Number).sort((a, b) => a - b)),
      certifications: listOf(certificationCodes, 'common.validation.choice'),
      certificationOther: optionalLine(100),
      foundedYear: optionalInt(1800, options.currentYear, 'profiles.validation.foundedYear', 'profiles.validation.foundedYear'),
      employees: optionalInt(0, 1_000_000, 'profiles.validation.employees', 'profiles.validation.employees'),
      employeesDistance: optionalInt(0, 1_000_000, 'profiles.validation.employees', 'profiles.validation.employees'),
      offer: optionalText(MEDIUM_TEXT_MAX),
      needs: optionalText(MEDIUM_TEXT_MAX),
    })
    .superRefine((v, ctx) => {
      if (v.lat !== undefined && (v.lat < -90 || v.lat > 90)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'profiles.validation.lat' });
      if (v.lng !== undefined && (v.lng < -180 || v.lng > 180)) ctx.addIssue({ code: 'custom', path: ['lng'], message: 'profiles.validation.lng' });
      if ((v.lat === undefined) !== (v.lng === undefined)) {
        ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'lng'], message: 'profiles.validation.coordinatePair' });
      }
      if (v.employeesDistance !== undefined) {
        if (v.employees === undefined) ctx.addIssue({ code: 'custom', path: ['employees'], message: 'profiles.validation.employeesNeeded' });
        else if (v.employeesDistance > v.employees) ctx.addIssue({ code: 'custom', path: ['employeesDistance'], message: 'profiles.validation.employeesDistance' });
      }
      if (v.certifications.includes('anders') && !v.certificationOther) {
        ctx.addIssue({ code: 'custom', path: ['certificationOther'], message: 'profiles.validation.certificationOther' });
      }
    });
}

export type ProfileInput = z.output<ReturnType<typeof profileInputSchema>>;

/** What a profile must have before it can go to review, in form field names. */
export function missingForReview(o: {
  pitch: string;
  description: string;
  impactProblem: string;
  impactTargetGroup: string;
  impactMeasurement: string;
  themeSlugs: string[];
  city: string | null;
}): string[] {
  const missing: string[] = [];
  if (!o.city) missing.push('city');
  if (!o.pitch.trim()) missing.push('pitch');
  if (!o.description.trim()) missing.push('description');
  if (!o.impactProblem.trim()) missing.push('impactProblem');
  if (!o.impactTargetGroup.trim()) missing.push('impactTargetGroup');
  if (!o.impactMeasurement.trim()) missing.push('impactMeasurement');
  if (o.themeSlugs.length === 0) missing.push('themes');
  return missing;
}

export const ConsentSchema = z.object({
  consent: z.literal('on', { message: 'profiles.consent.required' }),
});

export const ClaimSchema = z.object({
  kvkNumber: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/[\s.]/g, '') : v),
    z.string({ message: 'common.validation.required' }).refine(isKvkNumber, 'profiles.validation.kvk'),
  ),
  message: optionalText(1000),
});

/** Logo uploads: the largest file accepted, and the box the stored logo is fitted into. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_MAX_SIDE = 512;
