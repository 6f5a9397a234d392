import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { useApi } from '../../ui/use-api.js';
import { formatView } from '../map/map-state.js';

export const MiniMap = ({
  lat,
  lon,
  color,
  approximate,
}: {
  lat: number;
  lon: number;
  color: string;
  approximate: boolean;
}) => {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const config = useApi('config', api.config);
  useEffect(() => {
    if (!el.current || !config.data) return;
    let destroy: (() => void) | undefined;
    let cancelled = false;
    const target = el.current;
    void import('./mini-map-view.js').then(({ createMiniMap }) => {
      if (cancelled) return;
      destroy = createMiniMap(target, [lon, lat], {
        tileUrl: config.data?.tileUrl ?? null,
        attribution: t('map.attribution'),
        label: t('space.mapLabel'),
        color,
      }).destroy;
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [lat, lon, color, config.data, t]);
  return (
    <div className="mini-map-box">
      <div ref={el} className="mini-map" data-testid="mini-map" />
      <p className="hint">
        {approximate && <>{t('space.approximate')} · </>}
        <Link to={`/?at=${formatView({ zoom: 11, lat, lon })}`}>{t('space.onMap')}</Link>
      </p>
    </div>
  );
};
