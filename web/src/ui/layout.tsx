// The frame of every page: header with the product name and navigation, the page, and a footer
// naming the data sources and their licences.
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isEnglish } from '../i18n/index.js';

const NAV = [
  { to: '/', key: 'nav.map', end: true },
  { to: '/rankings', key: 'nav.rankings' },
  { to: '/stats', key: 'nav.stats' },
  { to: '/finder', key: 'nav.finder' },
  { to: '/compare', key: 'nav.compare' },
] as const;

const LanguageSwitch = () => {
  const { t, i18n } = useTranslation();
  const en = isEnglish(i18n.language);
  const location = useLocation();
  const toggle = () => {
    const next = en ? 'zh-CN' : 'en';
    void i18n.changeLanguage(next);
    // Keep ?lang= in step if the link carried one, so the address stays shareable as shown.
    const p = new URLSearchParams(location.search);
    if (p.has('lang')) {
      p.set('lang', next);
      window.history.replaceState(
        window.history.state,
        '',
        `${location.pathname}?${p.toString()}${location.hash}`,
      );
    }
  };
  return (
    <button
      type="button"
      className="lang-switch"
      onClick={toggle}
      lang={en ? 'zh-CN' : 'en'}
      aria-label={t('lang.switchLabel')}
    >
      {en ? '中文' : 'English'}
    </button>
  );
};

export const Layout = () => {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand" aria-label={t('brand.full')}>
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span className="brand-zh">众创地图</span>
          <span className="brand-en">MakerAtlas</span>
        </Link>
        <nav className="site-nav" aria-label={t('nav.label')}>
          {NAV.map((n) => (
            <NavLink key={n.to} to={n.to} end={'end' in n ? n.end : false}>
              {t(n.key)}
            </NavLink>
          ))}
        </nav>
        <LanguageSwitch />
      </header>
      {navigation.state === 'loading' && (
        <div className="route-progress" role="progressbar" aria-label={t('state.loading')} />
      )}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          <strong>{t('brand.full')}</strong> · {t('footer.about')}
        </p>
        <p>{t('footer.sources')}</p>
        <p>{t('footer.synthetic')}</p>
        <p>{t('footer.boundaries')}</p>
        <p>
          {t('footer.licence')} · <a href="/api/docs">{t('footer.api')}</a> ·{' '}
          <a href="/api/v1/spaces.geojson">GeoJSON</a>
        </p>
      </footer>
    </div>
  );
};
