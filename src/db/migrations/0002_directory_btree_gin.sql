-- btree_gin lets one GIN index hold the directory's search vectors and its filter columns together (also the
-- plain text municipality slug), so a search with filters is intersected inside the index and only the final
-- matches are read. See docs/decisions/0003-directory-search.md.
CREATE EXTENSION IF NOT EXISTS btree_gin;
