/**
 * `npm run openapi:export`: writes the OpenAPI 3.1 document of the open data API to docs/openapi.json, so reviewers
 * see API changes in the diff. tests/integration/directory-api.test.ts fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../src/features/directory/directory.api.ts';

export const openApiFile = path.resolve(import.meta.dirname, '../docs/openapi.json');

/** The exact text docs/openapi.json must hold. */
export const openApiText = () => `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(openApiFile, openApiText());
  console.log(`wrote ${path.relative(process.cwd(), openApiFile)}`);
}
