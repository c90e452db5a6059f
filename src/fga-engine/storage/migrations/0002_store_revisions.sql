-- A commit-ordered revision per store, so a process caching resolution reads can ask "what changed
-- since revision N?" and never miss a change. Every write statement bumps its store's row here: the row
-- lock it takes lasts until commit, so writes to one store commit in revision order and the committed
-- revisions are always 1..N without a hole (ULIDs cannot promise that: a writer may commit an older
-- ULID after a newer one was read).

CREATE TABLE store_revisions (
  store     text COLLATE "C" PRIMARY KEY,
  revision  bigint NOT NULL
);

-- The revision that recorded each change (NULL for changes older than this migration: no cache predates it).
ALTER TABLE changelog ADD COLUMN revision bigint;
CREATE INDEX changelog_by_revision ON changelog (store, revision) WHERE revision IS NOT NULL;
