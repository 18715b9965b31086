// Holds the UI language (Vietnamese by default, persisted in localStorage) and wires antd + dayjs locales.
import { useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ConfigProvider, App as AntApp } from 'antd';
import type { ConfigProviderProps } from 'antd';
// Namespace imports: antd/es is ESM at runtime but typed as CommonJS under NodeNext; `.default` works for both.
import * as viVNModule from 'antd/es/locale/vi_VN.js';
import * as enUSModule from 'antd/es/locale/en_US.js';
import dayjs from 'dayjs';
import 'dayjs/locale/vi.js';
import { I18nContext } from './context.ts';
import type { I18nValue, Lang } from './context.ts';
import { vi } from './vi.ts';
import { en } from './en.ts';
import type { MessageKey } from './vi.ts';
import { formatNumberVi } from '../../core/text/vietnamese.ts';
import { setErrorWording } from '../api/client.ts';
import { errorWording } from './error-words.ts';

type AntLocale = NonNullable<ConfigProviderProps['locale']>;

function unwrapLocale(mod: unknown): AntLocale {
  let x = mod as Record<string, unknown> | undefined;
  while (x && !('locale' in x) && 'default' in x) x = x['default'] as Record<string, unknown> | undefined;
  return x as unknown as AntLocale;
}

const viVN = unwrapLocale(viVNModule);
const enUS = unwrapLocale(enUSModule);
const STORAGE_KEY = 'thuocdo.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function applyLang(lang: Lang): void {
  dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  document.documentElement.lang = lang;
  // The server words errors in Vietnamese; another language words them by their code.
  setErrorWording(lang === 'vi' ? null : errorWording(en));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    applyLang(l);
    return l;
  });

  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage unavailable (private mode): the choice lasts for this page only
    }
    applyLang(next);
    setLangState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dict = lang === 'vi' ? vi : en;
    const t = (key: MessageKey, params?: Record<string, string | number>) => {
      let text: string = dict[key] ?? vi[key] ?? key;
      if (params) {
        for (const [k, v] of Object.entries(params)) {
          const shown = typeof v === 'number' ? (lang === 'vi' ? formatNumberVi(v) : v.toLocaleString('en-US')) : v;
          text = text.replaceAll(`{${k}}`, shown);
        }
      }
      return text;
    };
    return { lang, setLang, t };
  }, [lang, setLang]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={lang === 'vi' ? viVN : enUS}
        theme={{ token: { colorPrimary: '#c8102e', borderRadius: 6 } }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
