// The scoring method as notation text ("ratio cap=1 zero=na", "steps 4:20 3:15"), parsed by the engine as
// the user types: a valid text replaces the method, an invalid one shows the parse error and its position
// (the engine's Vietnamese sentence on the Vietnamese page; elsewhere the position in the reader's language,
// the caret below pointing at it).
import { useState } from 'react';
import { Input, Typography } from 'antd';
import { formatMethodNotation, parseMethodNotation } from '../../../../core/framework/index.ts';
import type { ScoringMethod } from '../../../../core/framework/index.ts';
import { useI18n } from '../../../i18n/context.ts';

interface Props {
  method: ScoringMethod;
  editable: boolean;
  onChange: (m: ScoringMethod) => void;
}

function formatted(text: string): string | null {
  const r = parseMethodNotation(text);
  return r.ok ? formatMethodNotation(r.method) : null;
}

export function NotationField({ method, editable, onChange }: Props) {
  const { t, lang } = useI18n();
  const current = formatMethodNotation(method);
  const [text, setText] = useState(current);
  const [basis, setBasis] = useState(current);
  const [error, setError] = useState<{ message: string; position: number } | null>(null);

  // The method was changed elsewhere (the form): show its notation unless the text already says the same.
  if (basis !== current) {
    setBasis(current);
    if (formatted(text) !== current) {
      setText(current);
      setError(null);
    }
  }

  const change = (value: string) => {
    setText(value);
    const r = parseMethodNotation(value);
    if (r.ok) {
      setError(null);
      const f = formatMethodNotation(r.method);
      setBasis(f);
      if (f !== current) onChange(r.method);
    } else {
      setError({ message: r.message, position: r.position });
    }
  };

  return (
    <div>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {t('fw.notation')}
      </Typography.Text>
      <Input.TextArea
        readOnly={!editable}
        autoSize={{ minRows: 1, maxRows: 4 }}
        value={text}
        status={error ? 'error' : undefined}
        onChange={(e) => change(e.target.value)}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
        data-testid="fw-notation"
      />
      {error ? (
        <div data-testid="fw-notation-error">
          <Typography.Text type="danger">
            {lang === 'vi'
              ? error.message
              : t('fwProblem.METHOD_NOTATION_INVALID', {
                  text: text.split('\n')[0]!.slice(0, 60),
                  position: error.position,
                })}
          </Typography.Text>
          <pre style={{ margin: '4px 0 0', fontSize: 12, whiteSpace: 'pre', overflowX: 'auto' }}>
            {text.split('\n')[0]}
            {'\n'}
            {' '.repeat(Math.max(0, error.position - 1))}^
          </pre>
        </div>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('fw.notationHint')}
        </Typography.Text>
      )}
    </div>
  );
}
