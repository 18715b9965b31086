// Sets the document title of a portal page ("… — Thước Đo").
import { useEffect } from 'react';

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — Thước Đo`;
  }, [title]);
}
