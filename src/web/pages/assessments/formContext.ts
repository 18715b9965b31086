// What every item card of the form needs without prop drilling: the autosave store, the informational values
// used by formulas, the unit's evidence library and what the person may do.
import { createContext, useContext } from 'react';
import type { UnitItemAppraisalView } from '../../../contract/assessments.ts';
import type { Evidence } from '../../../contract/evidence.ts';
import type { EvidenceRule, InfoValues } from '../../../core/framework/index.ts';
import type { AutosaveStore } from './autosave/store.ts';

export interface FormContextValue {
  assessmentId: string;
  unitId: string;
  store: AutosaveStore;
  info: InfoValues;
  library: ReadonlyMap<string, Evidence>;
  /**
   * The library has not arrived yet: an attached document's name is not known (not "one you may not see"),
   * and the attach button waits for it — the names arriving move the button, a tap would land on a name.
   */
  libraryLoading: boolean;
  canEdit: boolean;
  /** Submitted, but the DX office reopened some items: those stay editable (core itemEditRefusal). */
  canEditReopened: boolean;
  canUpload: boolean;
  phone: boolean;
  openLibrary: (code: string) => void;
  /** The index set's default evidence rule (its decision's); items may override it. */
  evidenceRule?: EvidenceRule | undefined;
  /** The campaign is in review: the council's requests and their threads are shown. */
  showRequests?: boolean;
  /** The council's work the unit may see now, by item (absent: not visible yet). */
  appraisal?: Readonly<Record<string, UnitItemAppraisalView>> | undefined;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useForm(): FormContextValue {
  const v = useContext(FormContext);
  if (!v) throw new Error('useForm outside FormContext');
  return v;
}
