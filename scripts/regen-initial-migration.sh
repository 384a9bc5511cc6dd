#!/usr/bin/env bash
# Session-1 only: nothing has landed yet, so the initial schema migration is regenerated from the schema files.
# Delete this script before the first landing; after that, add new migrations with `npm run db:generate`.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f src/db/migrations/0001_*.sql src/db/migrations/meta/0001_snapshot.json
node -e "const f='src/db/migrations/meta/_journal.json';const j=require('./'+f);j.entries=j.entries.filter(e=>e.idx<1);require('fs').writeFileSync(f,JSON.stringify(j,null,2))"
npx drizzle-kit generate --name initial_schema
