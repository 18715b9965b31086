// The words of an API error in the reader's language when it is not Vietnamese (the server's messages are):
// by its code (contract/error-codes.ts, every code worded in en-codes.ts), else by its HTTP status.
import type { ErrorWording } from '../api/client.ts';
import type { MessageKey } from './vi.ts';

export function errorWording(dict: Record<MessageKey, string>): ErrorWording {
  return {
    error(code, status) {
      const own = (dict as Record<string, string | undefined>)[`error.${code}`];
      if (own) return own;
      if (status === 413) return dict['error.FILE_TOO_LARGE'];
      if (status >= 500) return dict['error.INTERNAL_ERROR'];
      return dict['error.HTTP'].replaceAll('{status}', String(status));
    },
    issue: () => dict['error.fieldInvalid'],
  };
}
