// Reconciliation of the 69 current units with their source (ha-tinh-2025-communes.csv) and with the
// project's 2023–2024 commune list: every CSV row is either a lineage link to a former commune of the same
// name, or one of the three documented unmatched names; the differences listed in ha-tinh-2025-units.ts
// are exactly the ones the data shows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HA_TINH_2025_COMMUNES, HA_TINH_2025_UNMATCHED, HA_TINH_COMMUNES } from '../../../src/seed/data/ha-tinh.ts';

const csv = readFileSync(new URL('../../../src/seed/data/ha-tinh-2025-communes.csv', import.meta.url), 'utf8')
  .normalize('NFC')
  .trim()
  .split('\n');
const rows = csv.slice(1).map((l) => {
  const [code, name, type, predecessor, district] = l.split(',') as [string, string, string, string, string];
  return { code, name, type, predecessor, district };
});
const bare = (n: string) => n.replace(/^(Xã|Phường|Thị trấn) /, '');
const oldByCode = new Map(HA_TINH_COMMUNES.map((c) => [c.code, c]));
const byAdmin = new Map(HA_TINH_2025_COMMUNES.map((u) => [u.adminCode, u]));

describe('Hà Tĩnh 2025 units against their source', () => {
  it('reads 212 predecessor rows of 69 units, with their official codes, names and types', () => {
    expect(csv[0]).toBe('code,name,type,predecessor_name,predecessor_district');
    expect(rows).toHaveLength(212);
    expect(new Set(rows.map((r) => r.code)).size).toBe(69);
    for (const r of rows) {
      const u = byAdmin.get(r.code);
      expect(u?.name, r.code).toBe(r.name);
      expect(u!.name.startsWith(r.type === 'phường' ? 'Phường ' : 'Xã '), r.code).toBe(true);
    }
  });

  it('turns every row into a lineage link to a former commune of that name, or a documented unmatched name', () => {
    for (const r of rows) {
      const u = byAdmin.get(r.code)!;
      const pred = r.predecessor === 'Xã Cỗ Đạm' ? 'Xã Cổ Đạm' : r.predecessor; // the CSV's spelling; the resolution's is Cổ Đạm
      const linked = u.formedFrom!.codes.some((c) => bare(oldByCode.get(c)!.name) === bare(pred));
      const unmatched = (HA_TINH_2025_UNMATCHED.get(u.code) ?? []).some((n) => n.startsWith(`${pred} (`));
      expect(linked !== unmatched, `${r.name} ← ${r.predecessor}`).toBe(true);
    }
    const links = HA_TINH_2025_COMMUNES.reduce((n, u) => n + u.formedFrom!.codes.length, 0);
    expect(links + [...HA_TINH_2025_UNMATCHED.values()].flat().length).toBe(212);
  });

  it('leaves exactly the three units of the 1/1/2025 round unmatched, named in the notes', () => {
    expect(Object.fromEntries(HA_TINH_2025_UNMATCHED)).toEqual({
      'HT.X.TUMY': ['Xã Châu Bình (Huyện Hương Sơn)', 'Xã Mỹ Long (Huyện Hương Sơn)'],
      'HT.X.KIMHOA': ['Xã Hàm Trường (Huyện Hương Sơn)'],
    });
    expect(HA_TINH_2025_COMMUNES.find((u) => u.code === 'HT.X.TUMY')!.formedFrom!.note).toContain(
      'xã Châu Bình, xã Mỹ Long',
    );
  });

  it('finds ten former communes in no current unit, and two split between several', () => {
    const uses = new Map<string, string[]>();
    for (const u of HA_TINH_2025_COMMUNES)
      for (const c of u.formedFrom!.codes) uses.set(c, [...(uses.get(c) ?? []), u.name]);
    expect(HA_TINH_COMMUNES.filter((c) => !uses.has(c.code)).map((c) => c.name)).toEqual([
      'Phường Nguyễn Du',
      'Phường Thạch Linh',
      'Xã Sơn Châu',
      'Xã Sơn Bình',
      'Xã Sơn Trà',
      'Xã Sơn Long',
      'Xã Sơn Hàm',
      'Xã Sơn Trường',
      'Xã Trung Lộc',
      'Xã Phú Phong',
    ]);
    expect(Object.fromEntries([...uses].filter(([, v]) => v.length > 1))).toEqual({
      'HT.H.TXKA.X.KYLOI': ['Phường Sông Trí', 'Phường Hoành Sơn', 'Phường Vũng Áng'],
      'HT.H.TPHT.X.DAINAI': ['Phường Thành Sen', 'Phường Hà Huy Tập'],
    });
  });

  it('gives Xã Cẩm Bình of 2025 its four predecessors (Điều 1 khoản 4)', () => {
    const u = HA_TINH_2025_COMMUNES.find((x) => x.code === 'HT.X.CAMBINH')!;
    expect([...u.formedFrom!.codes].sort()).toEqual([
      'HT.H.CXUYEN.X.CAMBINH',
      'HT.H.CXUYEN.X.CAMTHANH',
      'HT.H.CXUYEN.X.CAMVINH',
      'HT.H.TPHT.X.THACHBINH',
    ]);
    expect(u.formedFrom!.note).toContain('khoản 4');
  });
});
