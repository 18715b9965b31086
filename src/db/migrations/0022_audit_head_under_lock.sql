-- An audit chain's head, read under the chain's lock (issue 16; docs/decisions/0023). appendAuditSql read the
-- head in the same statement that inserts the entry, as of that statement's start: so the chain's lock had to be
-- taken by an EARLIER statement of the transaction, and every audited write cost at least two round trips inside
-- an explicit transaction. A VOLATILE PL/pgSQL function reads with a snapshot of its own, taken when its query
-- runs (PostgreSQL: "Function Volatility Categories"): after the lock the function has just taken (a no-op when
-- the transaction holds it already). So one statement can lock, read the head and append — an item save runs as
-- one statement without BEGIN and COMMIT — and the head is the chain's real head whatever the statement's snapshot.
-- What is hashed and stored does not change: appendAuditSql still builds the row and the hash.
CREATE FUNCTION thuocdo_audit_head(lock_class integer, chain_name text) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_class, hashtext(chain_name));
  RETURN (SELECT a.hash FROM audit_log a WHERE a.chain = chain_name ORDER BY a.id DESC LIMIT 1);
END
$$;
