// Maps an ApiError onto form fields (400 VALIDATION_FAILED issues, known conflict codes) and returns the
// message left to show above the form.
import { useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';

const FIELD_OF_CODE: Record<string, string> = {
  UNIT_CODE_TAKEN: 'code',
  USERNAME_TAKEN: 'username',
  WRONG_PASSWORD: 'currentPassword',
  WEAK_PASSWORD: 'newPassword',
};

export function useServerError(form: FormInstance) {
  const [error, setError] = useState<ApiError | Error | null>(null);

  const apply = (e: unknown) => {
    if (!(e instanceof Error)) return;
    if (e instanceof ApiError) {
      const names = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
      const field = FIELD_OF_CODE[e.code];
      if (field && names.has(field)) {
        form.setFields([{ name: field, errors: [e.message] }]);
        setError(null);
        return;
      }
      const fieldIssues = e.issues.filter((i) => names.has(String(Array.isArray(i.path) ? i.path[0] : i.path)));
      if (fieldIssues.length > 0) {
        form.setFields(
          fieldIssues.map((i) => ({ name: String(Array.isArray(i.path) ? i.path[0] : i.path), errors: [i.message] })),
        );
        if (fieldIssues.length === e.issues.length) {
          setError(null);
          return;
        }
      }
    }
    setError(e);
  };

  return { error, apply, clear: () => setError(null) };
}
