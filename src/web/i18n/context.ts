// Language context: current language, setter and a translate function with {placeholder} interpolation.
import { createContext, useContext } from 'react';
import type { MessageKey } from './vi.ts';

export type Lang = 'vi' | 'en';

export interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
}

export const I18nContext = createContext<I18nValue | null>(null);

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useT(): I18nValue['t'] {
  return useI18n().t;
}
