/**
 * Word lists for the national-scale synthetic set (benchmarks only). TOPIC_WORDS is ordered from common to rare:
 * the generator draws from it with a skew, so early words match many rows and late ones few. Compounds of
 * RARE_PREFIXES and RARE_SUFFIXES (3,600 of them) each match a handful of rows.
 */
export const ADJECTIVES = [
  'Groene', 'Nieuwe', 'Sociale', 'Eerlijke', 'Slimme', 'Frisse', 'Warme', 'Sterke', 'Heldere', 'Lokale', 'Open', 'Vrije',
  'Blije', 'Wijze', 'Gouden', 'Zonnige', 'Stille', 'Vitale', 'Ronde', 'Echte', 'Zachte', 'Gezonde', 'Krachtige', 'Kleine',
  'Grote', 'Brede', 'Hoge', 'Verse', 'Levende', 'Bloeiende', 'Vrolijke', 'Duurzame', 'Circulaire', 'Betaalbare', 'Inclusieve',
  'Rijke', 'Ware', 'Noordelijke', 'Oostelijke', 'Eigen',
];

export const NOUNS = [
  'Werkplaats', 'Kracht', 'Brug', 'Oogst', 'Hoeve', 'Keuken', 'Kring', 'Haven', 'Bron', 'Tuin', 'Stroom', 'Zaak', 'Huis',
  'Plaats', 'Schuur', 'Fabriek', 'Atelier', 'Kompas', 'Wijk', 'Markt', 'Route', 'Boom', 'Akker', 'Molen', 'Veld', 'Erf',
  'Loods', 'Bakkerij', 'Kwekerij', 'Hub', 'Lab', 'Collectief', 'Coöperatie', 'Academie', 'Studio', 'Winkel', 'Garage',
  'Drukkerij', 'Brouwerij', 'Zorg', 'Energie', 'Vervoer', 'Bouw', 'Groep', 'Netwerk', 'Maatjes', 'Kansen', 'Handen',
  'Ideeën', 'Stappen', 'Dromen', 'Wortels', 'Zaden', 'Vonk', 'Golf', 'Draad', 'Steek', 'Sleutel', 'Horizon', 'Toekomst',
];

export const CITIES = [
  'Amsterdam', 'Rotterdam', 'Utrecht', 'Groningen', 'Zwolle', 'Assen', 'Emmen', 'Leeuwarden', 'Arnhem', 'Nijmegen',
  'Enschede', 'Deventer', 'Apeldoorn', 'Eindhoven', 'Tilburg', 'Breda', 'Maastricht', 'Den Bosch', 'Haarlem', 'Leiden',
  'Delft', 'Almere', 'Lelystad', 'Amersfoort', 'Hengelo', 'Almelo', 'Meppel', 'Hoogeveen', 'Coevorden', 'Hardenberg',
  'Borger', 'Gieten', 'Drachten', 'Heerenveen', 'Sneek', 'Venlo', 'Roermond', 'Helmond', 'Oss', 'Gouda', 'Dordrecht',
  'Alkmaar', 'Hoorn', 'Den Helder', 'Zaandam', 'Middelburg', 'Vlissingen', 'Goes', 'Terneuzen', 'Ede', 'Wageningen',
  'Zutphen', 'Doetinchem', 'Winterswijk', 'Kampen', 'Steenwijk', 'Veendam', 'Stadskanaal', 'Winschoten', 'Delfzijl',
  'Harderwijk', 'Hilversum', 'Zeist', 'Woerden', 'Veenendaal', 'Tiel', 'Culemborg', 'Gorinchem', 'Schiedam',
  'Vlaardingen', 'Purmerend', 'Heerlen', 'Sittard', 'Weert', 'Bergen op Zoom', 'Roosendaal', 'Waalwijk', 'Uden', 'Veghel',
  'Boxtel',
];

export const SURNAMES = [
  'de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'de Boer', 'Bos', 'Vos', 'Peters', 'Hendriks',
  'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'Kok', 'Jacobs', 'Vermeulen', 'van Dijk',
  'Schouten', 'Hoekstra', 'Post', 'Kuiper', 'Veenstra', 'Wolters', 'Hoving', 'Lubbers', 'Schuiling', 'Bosma', 'Prins',
  'Huisman', 'Kramer', 'Zijlstra', 'Timmer', 'Koster', 'Scholten',
];

export const TOPIC_WORDS = [
  'zorg', 'werk', 'energie', 'samenwerking', 'jongeren', 'ouderen', 'natuur', 'voedsel', 'onderwijs', 'wonen', 'buurt',
  'gezondheid', 'armoede', 'klimaat', 'hergebruik', 'afval', 'inclusie', 'participatie', 'vrijwilligers', 'innovatie',
  'techniek', 'cultuur', 'sport', 'mobiliteit', 'water', 'biodiversiteit', 'landbouw', 'bodem', 'zonne-energie', 'isolatie',
  'recycling', 'textiel', 'kleding', 'meubels', 'fietsen', 'laptops', 'schulden', 'eenzaamheid', 'mantelzorg',
  'dagbesteding', 'statushouders', 'nieuwkomers', 'taal', 'laaggeletterdheid', 'digitale vaardigheden', 'leerwerkplekken',
  'stages', 'scholen', 'kinderen', 'gezinnen', 'dorpen', 'wijken', 'platteland', 'streekproducten', 'boeren', 'telers',
  'groente', 'fruit', 'zuivel', 'honing', 'bijen', 'bloemen', 'bomen', 'hout', 'compost', 'plastic', 'bouwmaterialen',
  'sloop', 'renovatie', 'warmtepompen', 'laadpalen', 'deelauto', 'openbaar vervoer', 'toerisme', 'erfgoed', 'muziek',
  'theater', 'kunst', 'ateliers', 'horeca', 'catering', 'schoonmaak', 'groenonderhoud', 'drukwerk', 'verpakkingen',
  'logistiek', 'bezorging', 'winkels', 'markten', 'coöperaties', 'fondsen', 'financiering', 'subsidie', 'aanbesteding',
  'social return', 'inkoop', 'gemeenten', 'corporaties', 'zorgverzekeraars', 'werkgevers', 'werkzoekenden', 'bijstand',
  'beschut werk', 'jobcoaching', 're-integratie', 'begeleiding', 'coaching', 'training', 'workshops', 'lessen', 'cursussen',
  'onderzoek', 'metingen', 'data', 'apps', 'sensoren', 'robots', 'zorgtechnologie', 'valpreventie', 'beweegprogramma',
  'wandelen', 'fietsroutes', 'speelnatuur', 'schoolpleinen', 'regenwater', 'droogte', 'hittestress', 'groene daken',
  'gevelgroen', 'wadi', 'stikstof', 'weidevogels', 'insecten', 'vlinders', 'eiwittransitie', 'hennep', 'vlas', 'biobased',
  'vezels', 'mycelium', 'zeewier', 'algen', 'kringlooplandbouw', 'voedselbank', 'voedselverspilling', 'restpartijen',
  'soep', 'brood', 'bier', 'koffie', 'thee', 'chocolade', 'kaas', 'aardappelen', 'graan', 'veenkoloniën', 'heidevelden',
  'hunebedden', 'moerasgebied', 'beekdal', 'zandverstuiving', 'esdorp', 'kanaal', 'sluis', 'turf', 'windmolens',
  'waterstof', 'biogas', 'warmtenet', 'thuisbatterij', 'slimme meter', 'energiearmoede', 'tochtstrips', 'zonneboiler',
  'rijbewijs', 'belbus', 'elektrische bakfiets', 'kinderopvang', 'naschoolse opvang', 'huiswerkbegeleiding', 'bibliotheek',
  'dorpshuis', 'buurtkamer', 'ontmoeting', 'respijtzorg', 'dementie', 'autisme', 'niet-aangeboren hersenletsel',
  'psychische klachten', 'verslavingszorg', 'reclassering', 'detentie', 'dakloosheid', 'tienermoeders', 'vluchtelingen',
  'arbeidsmigranten', 'seizoenswerk', 'vakmanschap', 'ambacht', 'smeden', 'houtbewerking', 'keramiek', 'weven', 'vilten',
  'boekbinden', 'lijstenmakerij', 'orgelbouw', 'klokkengieterij', 'rietdekken', 'hoefsmid', 'imkerij', 'kaasmakerij',
  'mosterdmakerij', 'azijnbrouwerij', 'paddenstoelenkweek', 'kruidentuin', 'voedselbos', 'notenbomen', 'hoogstamfruit',
];

export const RARE_PREFIXES = [
  'veen', 'heide', 'turf', 'zand', 'klei', 'beek', 'brink', 'es', 'hunze', 'dolmen', 'moeras', 'wilg', 'berk', 'eik', 'els',
  'spar', 'linde', 'hazel', 'braam', 'vlier', 'rogge', 'haver', 'spelt', 'boekweit', 'vlas', 'hennep', 'kool', 'biet',
  'raap', 'pompoen', 'kers', 'appel', 'peer', 'pruim', 'bes', 'honing', 'was', 'wol', 'leem', 'riet', 'stro', 'mest',
  'kalk', 'ijzer', 'koper', 'tin', 'glas', 'steen', 'hout', 'schors', 'mos', 'varen', 'paddenstoel', 'zwam', 'kikker',
  'libel', 'hommel', 'mier', 'uil', 'reiger',
];

export const RARE_SUFFIXES = [
  'kracht', 'werk', 'lab', 'huis', 'hof', 'schuur', 'kamp', 'stek', 'nest', 'pad', 'plek', 'veld', 'erf', 'bron', 'beek',
  'kring', 'keten', 'stroom', 'vonk', 'gloed', 'draad', 'knoop', 'steek', 'weverij', 'bouw', 'smederij', 'makerij',
  'kwekerij', 'bakkerij', 'brouwerij', 'stokerij', 'branderij', 'kokerij', 'drogerij', 'maalderij', 'perserij', 'tuin',
  'gaard', 'weide', 'akker', 'bosje', 'heg', 'wal', 'sloot', 'dijk', 'kade', 'brug', 'poort', 'toren', 'zolder', 'kelder',
  'loods', 'kas', 'stal', 'kooi', 'mand', 'krat', 'kist', 'ton', 'pot',
];

/** Opening sentences; most of them use "duurzaam" or "duurzame", so that broad word matches most rows. */
export const OPENERS = [
  'Wij werken duurzaam aan',
  'Wij maken de regio duurzamer met',
  'Een duurzaam bedrijf voor',
  'Duurzaam ondernemen met',
  'Wij bouwen aan een duurzame toekomst met',
  'Sociaal en duurzaam ondernemen rond',
  'Wij investeren duurzaam in',
  'Samen duurzaam verder met',
  'Wij werken samen aan',
  'Ons bedrijf helpt met',
  'Eerlijk ondernemen rond',
  'Wij maken het verschil met',
];

export const LEGAL_FORM_CODES = ['bv', 'bv', 'bv', 'stichting', 'stichting', 'eenmanszaak', 'vof', 'cooperatie', 'vereniging'];

export const OTHER_CERTIFICATION_NAMES = ['Erkend leerbedrijf (SBB)', 'ISO 14001', 'Keurmerk Zorgboerderijen', 'MVO-prestatieladder'];
