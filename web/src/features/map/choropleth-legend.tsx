import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.js';
import type { Metric } from './choropleth.js';
import { NO_DATA } from './colors.js';

/** Class colours with their ranges ("< 50", "50–100", "≥ 250"), and the no-data swatch. */
export const ChoroplethLegend = ({
  metric,
  breaks,
  colors,
  indexMissing,
}: {
  metric: Metric;
  breaks: readonly number[];
  colors: readonly string[];
  indexMissing: boolean;
}) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (metric === 'none') return null;
  const digits = metric === 'count' ? 0 : 1;
  const n = (v: number) => fmt.num(v, Number.isInteger(v) ? 0 : digits);
  const label = (i: number): string => {
    if (breaks.length === 0) return t('map.legend.all');
    if (i === 0) return `< ${n(breaks[0] as number)}`;
    if (i === breaks.length) return `≥ ${n(breaks[i - 1] as number)}`;
    return `${n(breaks[i - 1] as number)}–${n(breaks[i] as number)}`;
  };
  return (
    <div className="map-legend" aria-label={t('map.legend.label')}>
      <div className="map-legend-title">{t(`map.metricUnit.${metric}`)}</div>
      {indexMissing ? (
        <p className="muted">{t('map.indexMissing')}</p>
      ) : (
        <ul>
          {colors.map((c, i) => (
            <li key={c + i}>
              <span className="legend-box" style={{ background: c }} />
              {label(i)}
            </li>
          ))}
          <li>
            <span className="legend-box" style={{ background: NO_DATA }} />
            {t('map.noData')}
          </li>
        </ul>
      )}
    </div>
  );
};
