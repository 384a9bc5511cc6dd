/**
 * The partners the programme names (domain doc). These are real organisations: only neutral, public facts,
 * no KvK numbers, no invented figures. Their municipality is required by the schema; Emmen is where the
 * programme and NHL Stenden's campus in this region are, so it stands in for "the whole region".
 */
export type DemoPartner = {
  slug: string;
  name: string;
  city: string | null;
  website: string | null;
  themes: string[];
  sdgs: number[];
  pitch: string;
  description: string;
  offer: string;
  /** Whether the demo partner login works for this organisation. */
  staffedByDemoPartner?: boolean;
};

export const DEMO_PARTNERS: readonly DemoPartner[] = [
  {
    slug: 'impact-noord',
    name: 'Impact Noord',
    city: null,
    website: null,
    themes: [],
    sdgs: [17],
    pitch: 'Netwerk voor impactondernemen in Noord-Nederland.',
    description:
      'Impact Noord is een netwerk dat impactondernemen in Noord-Nederland stimuleert. Het actieprogramma impact ondernemen in Zuid- en Oost-Drenthe noemt Impact Noord als partner. De nulmeting gebruikt de zes domeinen van het ecosysteem die Impact Noord beschrijft.',
    offer: 'Kennis over het ecosysteem voor impactondernemen en een netwerk in Noord-Nederland.',
  },
  {
    slug: 'growing-emmen',
    name: 'Growing Emmen',
    city: 'Emmen',
    website: null,
    themes: [],
    sdgs: [17],
    pitch: 'Partner van het actieprogramma impact ondernemen in Emmen.',
    description:
      'Growing Emmen is een van de partners die het actieprogramma impact ondernemen in Zuid- en Oost-Drenthe noemt. Neem contact op met Growing Emmen voor actuele informatie over hun activiteiten.',
    offer: 'Een netwerk voor ondernemers in Emmen.',
  },
  {
    slug: 'greendrinks-zuidoost-drenthe',
    name: 'Greendrinks Zuidoost-Drenthe',
    city: null,
    website: null,
    themes: [],
    sdgs: [17],
    pitch: 'Informele bijeenkomsten voor mensen die met duurzaamheid bezig zijn.',
    description:
      'Green Drinks zijn informele bijeenkomsten waar mensen die met duurzaamheid bezig zijn elkaar ontmoeten. Greendrinks Zuidoost-Drenthe brengt zo mensen uit deze regio met elkaar in contact. Het actieprogramma impact ondernemen noemt Greendrinks Zuidoost-Drenthe als partner.',
    offer: 'Informele netwerkbijeenkomsten in de regio.',
  },
  {
    slug: 'ik-ben-drents-ondernemer-ibdo',
    name: 'Ik Ben Drents Ondernemer (IBDO)',
    city: null,
    website: 'https://www.ikbendrentsondernemer.nl',
    themes: [],
    sdgs: [8, 17],
    pitch: 'Het eerste aanspreekpunt voor ondernemers in Drenthe.',
    description:
      'Ik Ben Drents Ondernemer (IBDO) is het provinciale eerstelijnsloket voor ondernemers in Drenthe. Ondernemers kunnen er terecht met hun vragen en worden zo nodig doorverwezen. Sommige hulpvragen op dit platform worden naar IBDO doorgestuurd.',
    offer: 'Eerstelijns begeleiding en doorverwijzing voor ondernemers in Drenthe.',
    staffedByDemoPartner: true,
  },
  {
    slug: 'nhl-stenden',
    name: 'NHL Stenden',
    city: 'Emmen',
    website: 'https://www.nhlstenden.com',
    themes: ['onderwijs'],
    sdgs: [4, 17],
    pitch: 'Hogeschool en kennispartner van het actieprogramma.',
    description:
      'NHL Stenden is een hogeschool met onder meer een vestiging in Emmen. In het actieprogramma impact ondernemen in Zuid- en Oost-Drenthe is NHL Stenden partner als kennisinstelling.',
    offer: 'Kennis en onderzoek als kennisinstelling.',
  },
];
