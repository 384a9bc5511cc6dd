/**
 * Villages per municipality of the default region, with the first four digits of their postcodes and an
 * approximate centre. Used to place the fictional demo organisations and the synthetic scale set.
 */
export type Place = { name: string; postcode: string; lat: number; lng: number };

export const PLACES: Readonly<Record<string, readonly Place[]>> = {
  'aa-en-hunze': [
    { name: 'Gieten', postcode: '9461', lat: 53.004, lng: 6.763 },
    { name: 'Rolde', postcode: '9451', lat: 52.983, lng: 6.648 },
    { name: 'Annen', postcode: '9468', lat: 53.058, lng: 6.72 },
    { name: 'Gasselte', postcode: '9462', lat: 52.97, lng: 6.795 },
    { name: 'Eext', postcode: '9463', lat: 53.017, lng: 6.735 },
    { name: 'Gasselternijveen', postcode: '9514', lat: 52.986, lng: 6.85 },
  ],
  'borger-odoorn': [
    { name: 'Borger', postcode: '9531', lat: 52.925, lng: 6.793 },
    { name: 'Exloo', postcode: '7875', lat: 52.882, lng: 6.862 },
    { name: 'Odoorn', postcode: '7873', lat: 52.848, lng: 6.852 },
    { name: 'Valthermond', postcode: '7876', lat: 52.877, lng: 6.926 },
    { name: 'Nieuw-Buinen', postcode: '9521', lat: 52.963, lng: 6.949 },
    { name: 'Buinen', postcode: '9528', lat: 52.928, lng: 6.83 },
  ],
  coevorden: [
    { name: 'Coevorden', postcode: '7741', lat: 52.661, lng: 6.741 },
    { name: 'Dalen', postcode: '7751', lat: 52.7, lng: 6.756 },
    { name: 'Sleen', postcode: '7841', lat: 52.772, lng: 6.803 },
    { name: 'Oosterhesselen', postcode: '7861', lat: 52.754, lng: 6.722 },
    { name: 'Aalden', postcode: '7854', lat: 52.791, lng: 6.717 },
    { name: 'Schoonoord', postcode: '7848', lat: 52.846, lng: 6.757 },
  ],
  emmen: [
    { name: 'Emmen', postcode: '7811', lat: 52.785, lng: 6.897 },
    { name: 'Emmen', postcode: '7824', lat: 52.792, lng: 6.925 },
    { name: 'Klazienaveen', postcode: '7891', lat: 52.725, lng: 6.99 },
    { name: 'Nieuw-Amsterdam', postcode: '7833', lat: 52.715, lng: 6.855 },
    { name: 'Schoonebeek', postcode: '7761', lat: 52.663, lng: 6.884 },
    { name: 'Emmer-Compascuum', postcode: '7881', lat: 52.811, lng: 7.047 },
    { name: 'Erica', postcode: '7887', lat: 52.707, lng: 6.93 },
  ],
  hardenberg: [
    { name: 'Hardenberg', postcode: '7772', lat: 52.576, lng: 6.619 },
    { name: 'Dedemsvaart', postcode: '7701', lat: 52.6, lng: 6.459 },
    { name: 'Gramsbergen', postcode: '7783', lat: 52.61, lng: 6.675 },
    { name: 'Bergentheim', postcode: '7691', lat: 52.527, lng: 6.607 },
    { name: 'Slagharen', postcode: '7776', lat: 52.623, lng: 6.56 },
    { name: 'Balkbrug', postcode: '7707', lat: 52.6, lng: 6.378 },
  ],
  hoogeveen: [
    { name: 'Hoogeveen', postcode: '7902', lat: 52.722, lng: 6.476 },
    { name: 'Hoogeveen', postcode: '7906', lat: 52.73, lng: 6.5 },
    { name: 'Hollandscheveld', postcode: '7913', lat: 52.699, lng: 6.534 },
    { name: 'Elim', postcode: '7916', lat: 52.684, lng: 6.58 },
    { name: 'Pesse', postcode: '7933', lat: 52.773, lng: 6.452 },
    { name: 'Nieuwlande', postcode: '7918', lat: 52.69, lng: 6.61 },
  ],
};

export const STREETS: readonly string[] = [
  'Hoofdstraat', 'Dorpsstraat', 'Kerkstraat', 'Stationsweg', 'Industrieweg', 'Ambachtsweg', 'Molenstraat',
  'Brink', 'Schoolstraat', 'Nijverheidsweg', 'Esweg', 'Zuiderstraat', 'Noorderweg', 'Marktplein', 'Veenweg',
  'Kanaalweg', 'Parallelweg', 'Handelsweg', 'Boerhaar', 'Langestraat',
];

/** Postcode letters that PostNL never uses. */
const FORBIDDEN_LETTERS = new Set(['SA', 'SD', 'SS']);
const LETTERS = 'ABCDEFGHJKLMNPRSTVWXZ';

/** "7811" + two letters from a random source, never one of the unused combinations. */
export function postcodeFor(prefix: string, pick: (n: number) => number): string {
  for (;;) {
    const letters = LETTERS[pick(LETTERS.length)] + LETTERS[pick(LETTERS.length)];
    if (!FORBIDDEN_LETTERS.has(letters)) return `${prefix} ${letters}`;
  }
}
