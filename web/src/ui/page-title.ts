import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title to "<page> · 众创地图 MakerAtlas". */
export const usePageTitle = (title: string | undefined): void => {
  const { t } = useTranslation();
  const brand = t('brand.full');
  useEffect(() => {
    document.title = title ? `${title} · ${brand}` : brand;
  }, [title, brand]);
};
