import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useApi } from '../../ui/use-api.js';
import type { FinderMapData } from './finder-map-view.js';

type View = Awaited<ReturnType<typeof import('./finder-map-view.js').createFinderMap>>;

export const FinderMap = (props: FinderMapData & { onOpen: (href: string) => void }) => {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const config = useApi('config', api.config);
  const [view, setView] = useState<View | undefined>();
  const onOpen = useRef(props.onOpen);
  onOpen.current = props.onOpen;
  useEffect(() => {
    if (!el.current || !config.data) return;
    let v: View | undefined;
    let cancelled = false;
    const target = el.current;
    void import('./finder-map-view.js').then(({ createFinderMap }) => {
      if (cancelled) return;
      v = createFinderMap(target, {
        tileUrl: config.data?.tileUrl ?? null,
        attribution: t('map.attribution'),
        label: t('finder.mapLabel'),
        onOpen: (href) => onOpen.current(href),
      });
      setView(v);
    });
    return () => {
      cancelled = true;
      v?.destroy();
      setView(undefined);
    };
  }, [config.data, t]);
  const key = JSON.stringify([props.origin, props.radiusKm, props.matches.map((m) => m.href)]);
  useEffect(() => {
    if (view) void view.show({ origin: props.origin, radiusKm: props.radiusKm, matches: props.matches });
  }, [view, key]); // the key covers the props' content
  return <div ref={el} className="finder-map" data-testid="finder-map" />;
};
