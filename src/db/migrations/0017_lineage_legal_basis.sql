-- Lineage changes recorded by a DX office (issue 15 §2): the kind (merger, split, rename) and the legal basis
-- (document number and date) beside the effective date; rows recorded before are mergers without a basis.
ALTER TABLE "org_unit_lineage" ADD COLUMN "kind" text DEFAULT 'merger' NOT NULL;--> statement-breakpoint
ALTER TABLE "org_unit_lineage" ADD COLUMN "legal_basis" text;--> statement-breakpoint
ALTER TABLE "org_unit_lineage" ADD COLUMN "legal_basis_date" date;