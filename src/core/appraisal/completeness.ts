// The chair may close the appraisal only when every item of every unit has a final score or is marked
// not applicable; otherwise every missing (unit, item) is listed.
export interface MissingFinal {
  assessmentId: string;
  unitName: string;
  code: string;
}

export function missingFinals(
  assessments: readonly { id: string; unitName: string; leafCodes: readonly string[]; decided: ReadonlySet<string> }[],
): MissingFinal[] {
  const missing: MissingFinal[] = [];
  for (const a of assessments)
    for (const code of a.leafCodes)
      if (!a.decided.has(code)) missing.push({ assessmentId: a.id, unitName: a.unitName, code });
  return missing;
}
