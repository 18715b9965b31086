// Number input that shows and accepts the Vietnamese decimal comma ("12,5"), without padding decimals.
import { InputNumber } from 'antd';
import type { InputNumberProps } from 'antd';

const format = (v: string | number | undefined) => (v === undefined || v === '' ? '' : String(v).replace('.', ','));
const parse = (s: string | undefined) => (s ?? '').replace(/\s/g, '').replace(',', '.');

export function DecimalInput(props: InputNumberProps<number>) {
  return <InputNumber<number> {...props} formatter={format} parser={(s) => parse(s) as unknown as number} />;
}
