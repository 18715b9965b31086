// Demo/presets: every index set of frameworks/*.yaml as a published version 1, through the same
// operations as the API (create, then publish: both audited). Structure-only presets publish with their
// intended count warnings. A code that already exists is left alone, so running it again adds nothing.
import { eq } from 'drizzle-orm';
import { loadPresetFiles } from '../exchange/frameworks/presets.ts';
import { createFramework } from '../app/frameworks/create-framework.ts';
import { publishFramework } from '../app/frameworks/publish-framework.ts';
import type { Db } from '../db/client.ts';
import { frameworks } from '../db/schema/frameworks.ts';

const SEED_WHO = { actor: null, audit: { id: null, name: 'seed' }, userId: null };

export async function seedFrameworkPresets(
  db: Db,
  { dir, now = new Date() }: { dir?: string; now?: Date } = {},
): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const preset of await loadPresetFiles(dir)) {
    const [existing] = await db
      .select({ id: frameworks.id })
      .from(frameworks)
      .where(eq(frameworks.code, preset.definition.code))
      .limit(1);
    if (existing) continue;
    const row = await createFramework(db, {
      who: SEED_WHO,
      definition: preset.definition,
      reason: `Bộ chỉ số có sẵn ${preset.file}`,
    });
    await publishFramework(db, { who: SEED_WHO, id: row.id, now });
    created.push(preset.definition.code);
  }
  return { created };
}
