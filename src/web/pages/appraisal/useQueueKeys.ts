// Keyboard navigation of the appraisal queue: j/k or ↓/↑ move, a accepts the self score into the form,
// Enter saves. Keys typed in a field, a text area or an open dropdown are left alone (inside the decision form
// Enter submits the form itself).
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
      if (
        tag === 'TEXTAREA' ||
        el?.isContentEditable ||
        document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal')
      )
        return;
      // In a field or on a control, the form itself handles Enter (its submit button saves).
      const typing =
        tag === 'INPUT' ||
        tag === 'SELECT' ||
        tag === 'BUTTON' ||
        tag === 'A' ||
        !!el?.closest('form, .ant-select, .ant-picker, .ant-popover, .ant-dropdown');
      if (e.key === 'Enter') {
        if (typing) return;
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
