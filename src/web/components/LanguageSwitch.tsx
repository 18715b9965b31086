// VI / EN switch; the choice is persisted by I18nProvider.
import { Segmented } from 'antd';
import { useI18n } from '../i18n/context.ts';
import type { Lang } from '../i18n/context.ts';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('lang.switch')}
      data-testid="lang-switch"
      value={lang}
      onChange={setLang}
      options={[
        { label: 'VI', value: 'vi' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
