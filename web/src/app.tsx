// Pages are loaded when first visited: the map page does not pay for the charts, nor the
// statistics page for the map.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { Layout } from './ui/layout.js';
import { Loading } from './ui/status.js';
import { NotFoundPage, RouteError } from './ui/not-found.js';

const routes: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    HydrateFallback: () => <Loading />,
    ErrorBoundary: RouteError,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./features/map/map-page.js')).MapPage }),
      },
      {
        path: 'rankings',
        lazy: async () => ({
          Component: (await import('./features/rankings/rankings-page.js')).RankingsPage,
        }),
      },
      {
        path: 'spaces/:id',
        lazy: async () => ({ Component: (await import('./features/space/space-page.js')).SpacePage }),
      },
      {
        path: 'regions/:code',
        lazy: async () => ({ Component: (await import('./features/region/region-page.js')).RegionPage }),
      },
      {
        path: 'compare',
        lazy: async () => ({ Component: (await import('./features/compare/compare-page.js')).ComparePage }),
      },
      {
        path: 'finder',
        lazy: async () => ({ Component: (await import('./features/finder/finder-page.js')).FinderPage }),
      },
      {
        path: 'stats',
        lazy: async () => ({ Component: (await import('./features/stats/stats-page.js')).StatsPage }),
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
];

export const App = () => <RouterProvider router={createBrowserRouter(routes)} />;
