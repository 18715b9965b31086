// Types of the index-set (Bộ chỉ số) routes, mirroring the "Index sets" section of docs/api-contract-v1.md.
import type { FrameworkDefinition, FrameworkStatus } from '../../core/framework/index.ts';
import type { Problem } from '../../core/framework/index.ts';
import type { UnitType } from '../../core/org/unit-types.ts';

export interface FrameworkAbilities {
  update: boolean;
  publish: boolean;
  archive: boolean;
  createVersion: boolean;
  delete: boolean;
  confirmMapping: boolean;
}

export interface FrameworkSummary {
  id: string;
  code: string;
  /** Version number of the set (1, 2, …). */
  version: number;
  /** Row version for optimistic concurrency: sent back as `version` in PUT. */
  rowVersion: number;
  name: string;
  status: FrameworkStatus;
  decision: { number: string; date: string | null; issuer: string };
  appliesTo: { unitTypes: UnitType[]; groupName: string | null };
  illustrative: boolean;
  /** The unit that issued the set: its DX office (and those above it) write the set. */
  ownerUnit: { id: string; code: string; name: string };
  /** Campaigns still running on this version (sent to those who may write the set): it cannot be archived. */
  inUseBy: { id: string; name: string }[];
  declared: { mainIndicators: number | null; subIndicators: number | null; totalPoints: number | null };
  totalPoints: number;
  mainIndicators: number;
  subIndicators: number;
  leafCount: number;
  basedOnId: string | null;
  createdAt: string;
  publishedAt: string | null;
  archivedAt: string | null;
  abilities: FrameworkAbilities;
}

export interface FrameworkDetail extends FrameworkSummary {
  definition: FrameworkDefinition;
  validation: { errors: Problem[]; warnings: Problem[] };
}

/** One row of a rejected import (422 FRAMEWORK_INVALID details.problems). */
export interface FrameworkImportProblem {
  sheet?: string;
  row?: number;
  code?: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface FrameworkListParams {
  q: string;
  status: FrameworkStatus | '';
  latest: boolean;
  page: number;
  pageSize: number;
}
