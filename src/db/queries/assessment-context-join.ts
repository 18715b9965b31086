// The join every hot path on one assessment starts from: the assessment with its campaign, its group
// (whose framework it is scored on), its unit and the campaign's owner unit — what the assessment policy
// decides on (unit and owner paths for the scope, campaign and assessment status). One home, so the
// item save and the submission cannot drift apart in how they reach the same rows. The aliases are part
// of the contract: a assessments, c campaigns, g campaign_groups, u the unit, o the owner unit. Each
// caller adds its own select list, `where a.id = …` and lock clause (key share for a save, update for a
// submission); the lock is taken `of a` only, so the other four rows are read, never locked.
export const ASSESSMENT_CONTEXT_FROM = `from assessments a
     join campaigns c on c.id = a.campaign_id
     join campaign_groups g on g.id = a.campaign_group_id
     join org_units u on u.id = a.unit_id
     join org_units o on o.id = c.owner_unit_id`;
