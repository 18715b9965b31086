// A validation finding: stable English code, the node it concerns, a Vietnamese message.

export interface Problem {
  /** Stable English code, e.g. CHILDREN_SUM_MISMATCH (listed in docs/framework-format.md). */
  code: string;
  nodeCode?: string;
  message: string;
}

export interface ValidationReport {
  errors: Problem[];
  warnings: Problem[];
}

export function problem(code: string, message: string, nodeCode?: string): Problem {
  return nodeCode === undefined ? { code, message } : { code, nodeCode, message };
}

/** "Tiêu chí 1.2: …" — every node message starts with the code so a list of problems reads on its own. */
export function atNode(nodeCode: string, message: string): string {
  return `Tiêu chí ${nodeCode}: ${message}`;
}
