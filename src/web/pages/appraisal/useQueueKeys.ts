// Keyboard navigation of the appraisal queue: j/k or ↓/↑ move, a accepts the self score into the form,
// Enter saves. Keys typed in a text area or an open dropdown are left alone; in an input only Enter counts.
import { useEffect, useRef } from 'react';

export interface QueueKeyHandlers {
  move: (step: 1 | -1) => void;
  accept: () => void;
  save: () => void;
}

export function useQueueKeys(handlers: QueueKeyHandlers, enabled: boolean): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const el = e.target as HTMLElement | null;
      const tag = el?.tagName ?? '';
      if (tag === 'TEXTAREA' || el?.isContentEditable || document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal')) return;
      const typing = tag === 'INPUT' || tag === 'SELECT';
      if (el?.closest('.ant-select')) return;
      if (e.key === 'Enter') {
        if (tag === 'BUTTON' || tag === 'A') return;
        e.preventDefault();
        ref.current.save();
        return;
      }
      if (typing) return;
      if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        ref.current.move(1);
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        ref.current.move(-1);
      } else if (e.key === 'a') {
        e.preventDefault();
        ref.current.accept();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
