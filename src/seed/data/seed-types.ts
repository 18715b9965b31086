// Shapes of the organisation data that `thuocdo seed --demo` loads. Plain data: no I/O, no database types.
import type { UnitType } from '../../core/org/unit-types.ts';

/** One organisational unit. Units of a list are ordered parents before children. */
export interface SeedUnit {
  /** Stable, readable, unique code, e.g. "HT", "HT.S.TTTT", "HT.H.CXUYEN", "HT.H.CXUYEN.X.CAMBINH". */
  code: string;
  /** Full name in NFC, with its Vietnamese diacritics, e.g. "Xã Cẩm Bình". */
  name: string;
  type: UnitType;
  /** Code of the parent unit; null only for the root (the province). */
  parentCode: string | null;
  /** Official administrative code (mã đơn vị hành chính): 2 digits province, 3 district, 5 commune. */
  adminCode?: string;
  shortName?: string;
  /** ISO date (YYYY-MM-DD) from which the unit exists. */
  activeFrom?: string;
  /** ISO date (YYYY-MM-DD), the unit's last day. */
  activeTo?: string;
  /** For a unit formed by merging others: the codes of the units it was formed from. */
  formedFrom?: {
    codes: string[];
    effectiveDate: string;
    note?: string;
    /** The legal basis (document number) and its date, where a public source confirms them. */
    legalBasis?: string;
    legalBasisDate?: string;
  };
}

/** A group of units assessed together (nhóm đối tượng đánh giá). */
export interface SeedGroup {
  code: string;
  name: string;
  description?: string;
  unitCodes: string[];
}
