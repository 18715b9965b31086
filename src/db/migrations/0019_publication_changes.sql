-- Any change to the published snapshots (a publication, a correction, an edit or removal of a row, by the
-- app or by hand) notifies channel thuocdo_publication when its transaction commits. A process that owns
-- its database (embedded PGlite: every write goes through it) keeps the public portal's snapshot metadata
-- in memory and drops it on this notice (db/publication-changes.ts), so results-day requests read nothing.
CREATE FUNCTION thuocdo_publication_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('thuocdo_publication', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER snapshots_publication_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_publication_changed();
