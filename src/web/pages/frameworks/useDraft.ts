// Editor state of one index-set version: the definition being edited, whether it differs from the saved
// one, and the engine's validation of it (computed locally on every change).
import { useEffect, useMemo, useState } from 'react';
import { sortNodes, validateFramework } from '../../../core/framework/index.ts';
import type { FrameworkDefinition, FrameworkNode } from '../../../core/framework/index.ts';

export interface Draft {
  definition: FrameworkDefinition;
  dirty: boolean;
  validation: ReturnType<typeof validateFramework>;
  setNodes: (fn: (nodes: FrameworkNode[]) => FrameworkNode[]) => void;
  setDefinition: (fn: (d: FrameworkDefinition) => FrameworkDefinition) => void;
}

export function useDraft(initial: FrameworkDefinition): Draft {
  const [state, setState] = useState(() => ({
    definition: { ...initial, nodes: sortNodes(initial.nodes) },
    dirty: false,
  }));
  const validation = useMemo(() => validateFramework(state.definition), [state.definition]);

  useEffect(() => {
    if (!state.dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.dirty]);

  return {
    definition: state.definition,
    dirty: state.dirty,
    validation,
    setNodes: (fn) =>
      setState((s) => ({ definition: { ...s.definition, nodes: fn(s.definition.nodes) }, dirty: true })),
    setDefinition: (fn) => setState((s) => ({ definition: fn(s.definition), dirty: true })),
  };
}
