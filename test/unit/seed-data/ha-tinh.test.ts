import { describe, expect, it } from 'vitest';
import { isUnitType } from '../../../src/core/org/unit-types.ts';
import {
  HA_TINH_2025_COMMUNES,
  HA_TINH_COMMUNES,
  HA_TINH_DEPARTMENTS_2024,
  HA_TINH_DEPARTMENTS_2025,
  HA_TINH_DISTRICTS,
  HA_TINH_GROUPS,
  HA_TINH_UNITS,
} from '../../../src/seed/data/ha-tinh.ts';
import type { SeedUnit } from '../../../src/seed/data/ha-tinh.ts';

const byType = (type: SeedUnit['type']): SeedUnit[] => HA_TINH_UNITS.filter((u) => u.type === type);
const unitByCode = new Map(HA_TINH_UNITS.map((u) => [u.code, u]));
const codesOf = (units: SeedUnit[]) => units.map((u) => u.code);
const activeOn = (u: SeedUnit, day: string) =>
  (!u.activeFrom || u.activeFrom <= day) && (!u.activeTo || u.activeTo >= day);

describe('Hà Tĩnh demo units (2023–2024 structure, kept inactive)', () => {
  it('has unique codes', () => {
    const codes = HA_TINH_UNITS.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has exactly one root, the province "HT"', () => {
    const roots = HA_TINH_UNITS.filter((u) => u.parentCode === null);
    expect(roots).toEqual([expect.objectContaining({ code: 'HT', name: 'Tỉnh Hà Tĩnh', type: 'province' })]);
    expect(HA_TINH_UNITS[0]?.code).toBe('HT');
  });

  it('lists every parent before its children', () => {
    const seen = new Set<string>();
    for (const unit of HA_TINH_UNITS) {
      if (unit.parentCode !== null) {
        expect(seen.has(unit.parentCode), `${unit.code}: parent ${unit.parentCode} missing or later`).toBe(true);
      }
      seen.add(unit.code);
    }
  });

  it('uses only known unit types', () => {
    for (const unit of HA_TINH_UNITS) expect(isUnitType(unit.type)).toBe(true);
  });

  it('has the 13 district-level units under the province', () => {
    const districts = byType('district');
    expect(districts).toHaveLength(13);
    expect(codesOf(districts)).toEqual(codesOf(HA_TINH_DISTRICTS));
    for (const d of districts) {
      expect(d.parentCode).toBe('HT');
      expect(d.code).toMatch(/^HT\.H\.[A-Z]+$/);
      expect(d.adminCode).toMatch(/^4[34]\d$/);
    }
    expect(districts.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'Thành phố Hà Tĩnh',
        'Thị xã Hồng Lĩnh',
        'Thị xã Kỳ Anh',
        'Huyện Cẩm Xuyên',
        'Huyện Vũ Quang',
      ]),
    );
  });

  it('has between 180 and 230 communes of 2023–2024, each under a district, coded under it', () => {
    const communes = byType('commune').filter((c) => c.parentCode !== 'HT');
    expect(codesOf(communes)).toEqual(codesOf(HA_TINH_COMMUNES));
    expect(communes.length).toBeGreaterThanOrEqual(180);
    expect(communes.length).toBeLessThanOrEqual(230);
    for (const c of communes) {
      expect(unitByCode.get(c.parentCode ?? '')?.type, c.code).toBe('district');
      expect(c.code.startsWith(`${c.parentCode}.X.`), c.code).toBe(true);
      expect(c.code).toMatch(/^HT\.H\.[A-Z]+\.X\.[A-Z0-9]+$/);
      expect(c.name).toMatch(/^(Xã|Phường|Thị trấn) \S/);
      expect(c.adminCode).toMatch(/^1[78]\d{3}$/);
    }
    for (const d of HA_TINH_DISTRICTS) {
      expect(communes.filter((c) => c.parentCode === d.code).length, d.name).toBeGreaterThanOrEqual(5);
    }
  });

  it("has unique official admin codes among the units of one day (a 2025 unit may reuse a predecessor's)", () => {
    for (const day of ['2024-06-30', '2025-06-30', '2025-07-01']) {
      const adminCodes = HA_TINH_UNITS.filter((u) => activeOn(u, day)).flatMap((u) =>
        u.adminCode === undefined ? [] : [u.adminCode],
      );
      expect(new Set(adminCodes).size, day).toBe(adminCodes.length);
    }
  });

  it('keeps departments, central agencies and public service units in their code spaces', () => {
    const pattern: Partial<Record<SeedUnit['type'], RegExp>> = {
      department: /^HT\.S\.[A-Z]+$/,
      central_agency: /^HT\.TW\.[A-Z]+$/,
      public_service_unit: /^HT\.DVSN\.[A-Z]+$/,
    };
    for (const [type, re] of Object.entries(pattern)) {
      const units = byType(type as SeedUnit['type']);
      expect(units.length, type).toBeGreaterThan(0);
      for (const u of units) expect(u.code).toMatch(re);
    }
    expect(byType('department').length).toBeGreaterThanOrEqual(18);
    expect(unitByCode.get('HT.S.TTTT')?.name).toBe('Sở Thông tin và Truyền thông');
    expect(unitByCode.get('HT.DVSN.CNTT')?.parentCode).toBe('HT.S.KHCN');
  });

  it('writes every name in NFC, trimmed, without double spaces', () => {
    for (const u of HA_TINH_UNITS) {
      expect(u.name, u.code).toBe(u.name.normalize('NFC'));
      expect(u.name, u.code).toBe(u.name.trim());
      expect(u.name, u.code).not.toMatch(/\s{2}/);
      if (u.shortName !== undefined) expect(u.shortName).toBe(u.shortName.normalize('NFC'));
    }
    for (const g of HA_TINH_GROUPS) {
      expect(g.name).toBe(g.name.normalize('NFC'));
      if (g.description !== undefined) expect(g.description).toBe(g.description.normalize('NFC'));
    }
  });

  it('spells known names with their diacritics', () => {
    const names = new Set(HA_TINH_UNITS.map((u) => u.name));
    for (const n of [
      'Xã Cẩm Bình',
      'Phường Trần Phú',
      'Thị trấn Cẩm Xuyên',
      'Xã Cổ Đạm',
      'Xã Cẩm Vịnh',
      'Thị trấn Tây Sơn',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
  });
});

describe('Hà Tĩnh demo groups', () => {
  it('has unique group codes and only existing members, without duplicates', () => {
    const groupCodes = HA_TINH_GROUPS.map((g) => g.code);
    expect(new Set(groupCodes).size).toBe(groupCodes.length);
    for (const g of HA_TINH_GROUPS) {
      expect(g.unitCodes.length, g.code).toBeGreaterThan(0);
      expect(new Set(g.unitCodes).size, g.code).toBe(g.unitCodes.length);
      for (const code of g.unitCodes) expect(unitByCode.has(code), `${g.code}: ${code}`).toBe(true);
    }
  });

  it('has the standard groups with the right members', () => {
    const group = (name: string) => HA_TINH_GROUPS.find((g) => g.name === name);
    const sorted = (xs: string[]) => [...xs].sort();
    expect(sorted(group('Sở, ban, ngành')?.unitCodes ?? [])).toEqual(
      sorted(
        byType('department')
          .filter((u) => activeOn(u, '2025-07-01'))
          .map((u) => u.code),
      ),
    );
    expect(sorted(group('Sở, ban, ngành (đến 28/02/2025)')?.unitCodes ?? [])).toEqual(
      sorted(
        byType('department')
          .filter((u) => activeOn(u, '2024-12-31'))
          .map((u) => u.code),
      ),
    );
    expect(group('UBND cấp huyện (đến 30/6/2025)')?.unitCodes).toHaveLength(13);
    expect(sorted(group('UBND cấp xã')?.unitCodes ?? [])).toEqual(sorted(HA_TINH_2025_COMMUNES.map((u) => u.code)));
    expect(sorted(group('UBND cấp xã (đến 30/6/2025)')?.unitCodes ?? [])).toEqual(
      sorted(HA_TINH_COMMUNES.map((u) => u.code)),
    );
    expect(sorted(group('Đơn vị sự nghiệp')?.unitCodes ?? [])).toEqual(
      sorted(byType('public_service_unit').map((u) => u.code)),
    );
    expect(group('UBND cấp xã thuộc huyện Cẩm Xuyên')?.unitCodes).toContain('HT.H.CXUYEN.X.CAMBINH');
    expect(group('UBND cấp xã thuộc thành phố Hà Tĩnh')).toBeDefined();
  });

  it('has one commune group per district, together covering every commune exactly once', () => {
    const perDistrict = HA_TINH_GROUPS.filter((g) => g.code.startsWith('HT.G.XA.'));
    expect(perDistrict).toHaveLength(13);
    const members = perDistrict.flatMap((g) => g.unitCodes);
    expect(members).toHaveLength(HA_TINH_COMMUNES.length);
    expect(new Set(members)).toEqual(new Set(HA_TINH_COMMUNES.map((c) => c.code)));
    for (const g of perDistrict) {
      const parents = new Set(g.unitCodes.map((code) => unitByCode.get(code)?.parentCode));
      expect(parents.size, g.code).toBe(1);
    }
  });
});

describe('Hà Tĩnh today (two levels from 2025-07-01)', () => {
  it('has the 69 commune-level units of Nghị quyết 1665 (60 xã, 9 phường) directly under the province', () => {
    expect(HA_TINH_2025_COMMUNES).toHaveLength(69);
    expect(HA_TINH_2025_COMMUNES.filter((u) => u.name.startsWith('Xã '))).toHaveLength(60);
    expect(HA_TINH_2025_COMMUNES.filter((u) => u.name.startsWith('Phường '))).toHaveLength(9);
    for (const u of HA_TINH_2025_COMMUNES) {
      expect(u).toMatchObject({ type: 'commune', parentCode: 'HT', activeFrom: '2025-07-01' });
      expect(u.activeTo).toBeUndefined();
      expect(u.code).toMatch(/^HT\.X\.[A-Z0-9]+$/);
      expect(u.adminCode).toMatch(/^18\d{3}$/);
      expect(u.formedFrom?.effectiveDate).toBe('2025-07-01');
    }
    expect(new Set(codesOf(HA_TINH_2025_COMMUNES)).size).toBe(69);
  });

  it('forms every current unit from former communes that end on 2025-06-30 (the day before)', () => {
    for (const u of HA_TINH_2025_COMMUNES) {
      expect(u.formedFrom!.codes.length, u.code).toBeGreaterThanOrEqual(1);
      for (const code of u.formedFrom!.codes) {
        const pred = unitByCode.get(code);
        expect(pred?.type, `${u.code}: ${code}`).toBe('commune');
        expect(pred?.activeTo, code).toBe('2025-06-30');
      }
    }
  });

  it('ends the former structure: districts on 2025-06-30 (Lộc Hà on 2024-12-31), merged sở on 2025-02-28', () => {
    const active = (day: string) => HA_TINH_UNITS.filter((u) => activeOn(u, day));
    expect(active('2025-07-01').filter((u) => u.type === 'district')).toEqual([]);
    expect(active('2025-06-30').filter((u) => u.type === 'district')).toHaveLength(12);
    expect(active('2024-12-31').filter((u) => u.type === 'district')).toHaveLength(13);
    expect(codesOf(active('2025-07-01').filter((u) => u.type === 'commune')).sort()).toEqual(
      codesOf(HA_TINH_2025_COMMUNES).sort(),
    );
    expect(codesOf(active('2025-03-01').filter((u) => u.type === 'department')).sort()).toEqual(
      codesOf(HA_TINH_DEPARTMENTS_2025).sort(),
    );
    expect(HA_TINH_DEPARTMENTS_2024).toHaveLength(19);
    expect(HA_TINH_DEPARTMENTS_2025.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'Sở Khoa học và Công nghệ',
        'Sở Nông nghiệp và Môi trường',
        'Sở Tài chính',
        'Sở Xây dựng',
        'Sở Nội vụ',
      ]),
    );
    expect(HA_TINH_DEPARTMENTS_2025.map((d) => d.name)).not.toContain('Sở Thông tin và Truyền thông');
    expect(unitByCode.get('HT.S.KHCN')?.formedFrom).toMatchObject({
      codes: ['HT.S.TTTT'],
      effectiveDate: '2025-03-01',
    });
  });
});
