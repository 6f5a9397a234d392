// ECharts options for the site's few chart shapes, styled alike (quiet grid, readable labels).
import type { EChartsCoreOption } from 'echarts/core';

export interface Series {
  name: string;
  data: (number | null)[];
  color?: string;
}

const axisLabel = { color: '#5b6573' };
const splitLine = { lineStyle: { color: '#eceff3' } };
const grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };

export const barOption = (
  categories: readonly (string | number)[],
  series: readonly Series[],
  opts: { stacked?: boolean; horizontal?: boolean; percent?: boolean } = {},
): EChartsCoreOption => {
  // Horizontal bars name every row (province or city lists): no skipped labels.
  const cat = {
    type: 'category',
    data: categories.map(String),
    axisLabel: opts.horizontal ? { ...axisLabel, interval: 0 } : axisLabel,
    axisTick: { show: false },
  };
  const val = {
    type: 'value',
    axisLabel: opts.percent
      ? { ...axisLabel, formatter: (v: number) => `${Math.round(v * 100)}%` }
      : axisLabel,
    splitLine,
  };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
    grid,
    xAxis: opts.horizontal ? val : cat,
    yAxis: opts.horizontal ? { ...cat, inverse: true } : val,
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      stack: opts.stacked ? 'all' : undefined,
      itemStyle: s.color ? { color: s.color } : undefined,
      barMaxWidth: 36,
    })),
  };
};

export const lineOption = (
  categories: readonly (string | number)[],
  series: readonly Series[],
  opts: { inverse?: boolean; min?: number; max?: number; percent?: boolean } = {},
): EChartsCoreOption => ({
  tooltip: { trigger: 'axis' },
  legend: series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
  grid,
  xAxis: { type: 'category', data: categories.map(String), axisLabel, boundaryGap: false },
  yAxis: {
    type: 'value',
    inverse: opts.inverse,
    min: opts.min,
    max: opts.max,
    axisLabel: opts.percent
      ? { ...axisLabel, formatter: (v: number) => `${Math.round(v * 100)}%` }
      : axisLabel,
    splitLine,
  },
  series: series.map((s) => ({
    type: 'line',
    name: s.name,
    data: s.data,
    connectNulls: false,
    symbolSize: 6,
    itemStyle: s.color ? { color: s.color } : undefined,
    lineStyle: s.color ? { color: s.color, width: 2 } : { width: 2 },
  })),
});

export const pieOption = (
  items: readonly { name: string; value: number; color?: string }[],
): EChartsCoreOption => ({
  baseOption: {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'plain', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['38%', '62%'],
        center: ['50%', '42%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{d}%', color: '#1d2430' },
        data: items.map((i) => ({
          name: i.name,
          value: i.value,
          itemStyle: i.color ? { color: i.color } : undefined,
        })),
      },
    ],
  },
  // On a phone the slice labels do not fit beside the ring: the legend and the table say it.
  media: [
    { query: { maxWidth: 480 }, option: { series: [{ label: { show: false }, center: ['50%', '40%'] }] } },
  ],
});
