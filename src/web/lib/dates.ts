// Date helpers: every date shown as dd/mm/yyyy, sent to the API as yyyy-mm-dd.
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { formatDateVi } from '../../core/text/vietnamese.ts';

export const DATE_FORMAT = 'DD/MM/YYYY';

export function showDate(value: string | null | undefined): string {
  return value ? formatDateVi(value) : '';
}

export function showDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('DD/MM/YYYY HH:mm') : '';
}

export function toApiDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

export function fromApiDate(value: string | null | undefined): Dayjs | null {
  return value ? dayjs(value.slice(0, 10), 'YYYY-MM-DD') : null;
}
