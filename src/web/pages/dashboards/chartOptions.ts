// ECharts options of the dashboards (plain data → option objects; labels already translated).
import type { EChartsCoreOption } from 'echarts/core';
import { bandHex } from '../../components/charts/bandColors.ts';

const axisLabel = { interval: 0, width: 110, overflow: 'truncate' as const };

/** Horizontal stacked bars: one row per category, one series per part (e.g. submitted / in progress / not started). */
export function stackedBars(
  categories: string[],
  parts: { name: string; color: string; values: number[] }[],
): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 36, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: categories, inverse: true, axisLabel },
    series: parts.map((p) => ({
      type: 'bar',
      name: p.name,
      stack: 'all',
      data: p.values,
      itemStyle: { color: p.color },
      label: { show: true, formatter: (x: { value: number }) => (x.value ? String(x.value) : '') },
    })),
  };
}

/** Band distribution per group: stacked bars coloured by band. */
export function distributionBars(
  groups: { name: string; bands: { code: string; label: string; count: number }[] }[],
): EChartsCoreOption {
  const bands = groups[0]?.bands ?? [];
  return stackedBars(
    groups.map((g) => g.name),
    bands.map((b) => ({
      name: b.label,
      color: bandHex(b.label),
      values: groups.map((g) => g.bands.find((x) => x.code === b.code)?.count ?? 0),
    })),
  );
}

/** Average percent per main indicator, one series per group. */
export function averageBars(
  indicators: { code: string; title: string }[],
  series: { name: string; values: (number | null)[] }[],
): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: indicators.map((i) => i.code) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
  };
}

/** Radar of the unit's main indicators against the group average. */
export function radar(
  indicators: { code: string; title: string; percent: number | null; average: number | null }[],
  names: { unit: string; average: string },
): EChartsCoreOption {
  return {
    animation: false,
    tooltip: {},
    legend: { bottom: 0 },
    radar: { indicator: indicators.map((i) => ({ name: i.code, max: 100 })), radius: '62%' },
    series: [
      {
        type: 'radar',
        data: [
          {
            name: names.unit,
            value: indicators.map((i) => i.percent ?? 0),
            itemStyle: { color: '#1677ff' },
            areaStyle: { opacity: 0.2 },
          },
          {
            name: names.average,
            value: indicators.map((i) => i.average ?? 0),
            itemStyle: { color: '#fa8c16' },
            lineStyle: { type: 'dashed' },
          },
        ],
      },
    ],
  };
}
