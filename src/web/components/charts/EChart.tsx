// A chart box: loads the modular ECharts on first use, draws `option`, follows the box's width.
import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { Spin } from 'antd';
import type * as EchartsModule from './echarts.ts';

type Lib = typeof EchartsModule;
let loading: Promise<Lib> | null = null;

export function EChart({
  option,
  height = 300,
  testId,
  label,
}: {
  option: EChartsCoreOption;
  height?: number;
  testId?: string;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [lib, setLib] = useState<Lib | null>(null);
  useEffect(() => {
    let live = true;
    loading ??= import('./echarts.ts');
    void loading.then((l) => live && setLib(l));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!lib || !box.current) return;
    const chart = lib.echarts.init(box.current, undefined, { locale: 'EN' });
    chart.setOption(option);
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(box.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [lib, option]);
  return (
    <div role="img" aria-label={label} data-testid={testId} style={{ position: 'relative', width: '100%', height }}>
      <div ref={box} style={{ width: '100%', height }} />
      {!lib && <Spin style={{ position: 'absolute', inset: 0, margin: 'auto', height: 20 }} />}
    </div>
  );
}
