// Regenerates src/seed/data/ha-tinh-2025-units.ts from src/seed/data/ha-tinh-2025-communes.csv (the 69
// commune-level units of Hà Tĩnh from 1/7/2025 and their predecessors; sources in that data file's header).
// Each predecessor name is matched to a commune of the project's 2023–2024 list (ha-tinh-communes.ts):
//   1. same name (without "Xã/Phường/Thị trấn") in the district the CSV gives;
//   2. else the only commune of that name in the province — the CSV gives districts as of mid-2025, after
//      the 1/1/2025 round moved communes between districts (Lộc Hà into Thạch Hà; some Thạch Hà, Cẩm
//      Xuyên and Lộc Hà communes into thành phố Hà Tĩnh) and made some xã phường or thị trấn;
//   3. spelling aliases of the CSV (below), where the resolution's spelling is the project's;
//   4. otherwise the name stays UNMATCHED (kept in the note, no lineage row): a unit formed in the
//      1/1/2025 round that the 2023–2024 list does not have. Nothing is guessed.
// Run: npx tsx scripts/gen-ha-tinh-2025.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { HA_TINH_COMMUNES } from '../src/seed/data/ha-tinh-communes.ts';
import { HA_TINH_DISTRICTS } from '../src/seed/data/ha-tinh-districts.ts';

const DIR = new URL('../src/seed/data', import.meta.url);
/** CSV spelling → the spelling of Nghị quyết 1665 and of ha-tinh-communes.ts. */
const ALIASES: Record<string, string> = { 'Xã Cỗ Đạm': 'Xã Cổ Đạm' };

const bare = (n: string) => n.replace(/^(Xã|Phường|Thị trấn) /, '');
const codeOf = (name: string) =>
  'HT.X.' +
  bare(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
const districtName = new Map(HA_TINH_DISTRICTS.map((d) => [d.code, d.name]));

const rows = readFileSync(new URL('ha-tinh-2025-communes.csv', DIR), 'utf8')
  .normalize('NFC')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));
const units = new Map<string, { adminCode: string; name: string; code: string; from: string[]; unmatched: string[] }>();
for (const [adminCode, name, , rawPred, district] of rows as [string, string, string, string, string][]) {
  const u = units.get(adminCode) ?? { adminCode, name, code: codeOf(name), from: [], unmatched: [] };
  units.set(adminCode, u);
  const pred = ALIASES[rawPred] ?? rawPred;
  const sameName = HA_TINH_COMMUNES.filter((c) => bare(c.name) === bare(pred));
  const inDistrict = sameName.filter((c) => districtName.get(c.parentCode!) === district);
  const match = inDistrict.length === 1 ? inDistrict[0] : sameName.length === 1 ? sameName[0] : undefined;
  if (match) u.from.push(match.code);
  else u.unmatched.push(`${pred} (${district})`);
}
const codes = [...units.values()].map((u) => u.code);
if (new Set(codes).size !== codes.length) throw new Error('duplicate code');

const q = (s: string) => `'${s.replace(/'/g, "\\'")}'`;
const lines = [...units.values()].map(
  (u) =>
    `  [${q(u.adminCode)}, ${q(u.name)}, [${u.from.map(q).join(', ')}]${u.unmatched.length ? `, [${u.unmatched.map(q).join(', ')}]` : ''}],`,
);
const header = readFileSync(new URL('ha-tinh-2025-units.ts', DIR), 'utf8').split('// <generated>')[0];
writeFileSync(
  new URL('ha-tinh-2025-units.ts', DIR),
  `${header}// <generated> by scripts/gen-ha-tinh-2025.ts — do not edit by hand below this line.\nexport const ROWS: Row[] = [\n${lines.join('\n')}\n];\n`,
);
console.log(
  `${units.size} units, ${rows.length} predecessor rows, ${[...units.values()].reduce((n, u) => n + u.unmatched.length, 0)} unmatched`,
);
