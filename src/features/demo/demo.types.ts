/**
 * One kind of fictional impact business. Each kind yields two organisations with different names, placed in
 * different villages; `{plaats}` and `{gemeente}` in the texts are filled in with their village and municipality.
 */
export type Archetype = {
  key: string;
  names: readonly [string, string];
  legalForm: 'eenmanszaak' | 'vof' | 'bv' | 'stichting' | 'cooperatie' | 'vereniging';
  themes: readonly string[];
  sdgs: readonly number[];
  /** Range of the number of employees. */
  employees: readonly [number, number];
  /** Share of employees with a distance to the labour market. */
  distanceShare: number;
  pitch: string;
  description: string;
  problem: string;
  targetGroup: string;
  measurement: string;
  offer: string;
  needs: string;
};
