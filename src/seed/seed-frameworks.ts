// Demo/presets: every index set of frameworks/*.yaml as a published version 1, through the same
// operations as the API (create, then publish: both audited). Structure-only presets publish with their
// intended count warnings. A code that already exists is left alone, so running it again adds nothing.
import { loadPresetFiles } from '../exchange/frameworks/presets.ts';
import { createFramework } from '../app/frameworks/create-framework.ts';
import { publishFramework } from '../app/frameworks/publish-framework.ts';
import type { Db } from '../db/client.ts';
import { frameworkIdWithCode } from '../db/queries/seed-demo.ts';

const SEED_WHO = { actor: null, audit: { id: null, name: 'seed' }, userId: null };

export async function seedFrameworkPresets(
  db: Db,
  { dir, now = new Date() }: { dir?: string; now?: Date } = {},
): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const preset of await loadPresetFiles(dir)) {
    if (await frameworkIdWithCode(db, preset.definition.code)) continue;
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
