// Response shapes of the API. Space and MapPoints are the domain schemas' own types; the others
// mirror src/server/routes/*.ts (the web app may not import the server).
import type { MapPoints } from '../../../src/domain/map-points.js';
import type { Space } from '../../../src/domain/space.js';
import type { CertificationLevel, SpaceStatus, SpaceType } from '../../../src/domain/taxonomy.js';

export type { Space, MapPoints };

export interface ClientConfig {
  version: string;
  tileUrl: string | null;
}

export interface SpaceList {
  items: Space[];
  total: number;
  next: string | null;
}

export interface SpaceQuery {
  type?: SpaceType[];
  region?: string;
  country?: string;
  status?: SpaceStatus[];
  certification?: CertificationLevel[];
  q?: string;
  bbox?: string;
  near?: string;
  radius?: number;
  synthetic?: boolean;
  sort?: 'name' | '-name' | 'founded' | '-founded' | 'updated' | '-updated' | 'id' | 'distance';
  limit?: number;
  cursor?: string;
}

export interface PointsResponse {
  total: number;
  latestYear: number | null;
  points: MapPoints | null;
}

export interface ClusterFeature {
  type: 'Feature';
  id: string | number;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    cluster: boolean;
    point_count?: number;
    expansion_zoom?: number;
    id?: string;
    type?: string;
    synthetic?: boolean;
  };
}

export interface ClustersResponse {
  total: number;
  provinces: Record<string, number>;
  features: ClusterFeature[];
}

export interface RegionStats {
  code: string;
  kind: 'country' | 'province' | 'prefecture' | 'county';
  nameZh: string | null;
  nameEn: string | null;
  total: number;
  byType: { type: string; count: number }[];
  byStatus: { status: string; count: number }[];
  byCertification: { certification: string; count: number }[];
  byYear: { year: number; count: number; cumulative: number }[];
}
