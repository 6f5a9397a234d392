// An ECharts chart that follows its container's size. Its words go to screen readers through
// aria-label; every chart on the site also has a table view with the same numbers.
import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useTranslation } from 'react-i18next';

const FONT = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

export const PALETTE = [
  '#1f6fb2',
  '#e0a030',
  '#2a9d8f',
  '#c2410c',
  '#7c5cbf',
  '#3f8f3a',
  '#d1495b',
  '#4a5a6a',
];

export const Chart = ({
  option,
  label,
  className = 'chart',
  testId,
  height,
}: {
  option: EChartsCoreOption;
  label: string;
  className?: string;
  testId?: string;
  height?: number | undefined;
}) => {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | undefined>();
  const { t } = useTranslation();

  useEffect(() => {
    let disposed = false;
    let ro: ResizeObserver | undefined;
    import('./echarts-setup.js').then(
      ({ echarts }) => {
        if (disposed || !el.current) return;
        chart.current = echarts.init(el.current, undefined, { renderer: 'canvas' });
        ro = new ResizeObserver(() => chart.current?.resize());
        ro.observe(el.current);
        setReady(true);
      },
      (e: unknown) => setFailed(String(e)),
    );
    return () => {
      disposed = true;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (!ready || !chart.current) return;
    const defaults = {
      color: PALETTE,
      textStyle: { fontFamily: FONT },
      aria: { enabled: false },
      animationDuration: 300,
    };
    // An option with media queries keeps its shared part in baseOption.
    const o = option as { baseOption?: Record<string, unknown> };
    chart.current.setOption(
      o.baseOption ? { ...option, baseOption: { ...defaults, ...o.baseOption } } : { ...defaults, ...option },
      true,
    );
  }, [ready, option]);

  return (
    <div className="chart-box">
      <div
        ref={el}
        className={className}
        style={height ? { height } : undefined}
        role="img"
        aria-label={label}
        data-testid={testId}
        data-ready={ready ? 'true' : 'false'}
      />
      {failed && <p className="hint">{t('chart.failed')}</p>}
    </div>
  );
};
