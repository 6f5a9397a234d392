// Colours of the map: one per space type (told apart also by the legend's words), and a single-hue
// ramp for the province choropleth, light to dark, readable under the coloured points.
import type { SpaceType } from '../../../../src/domain/taxonomy.js';

export const TYPE_COLORS: Record<SpaceType, string> = {
  cn_professional_services: '#1f6fb2',
  cn_training_mentoring: '#2a9d8f',
  cn_media_extension: '#e0a030',
  cn_investment_promotion: '#c2410c',
  cn_coworking: '#7c5cbf',
  cn_integrated_ecosystem: '#3f8f3a',
  hackerspace: '#d1495b',
  fablab: '#0f9bb5',
  makerspace: '#b5527d',
  community_lab: '#8a6d3b',
  accelerator: '#4a5a6a',
  coworking: '#a3a33a',
  other: '#8c8c8c',
};

export const CHOROPLETH_RAMP = ['#f3f7fb', '#d4e4f2', '#a9c9e4', '#74a8d2', '#4584bb', '#1f5f99'] as const;
export const NO_DATA = '#ecebe6';
export const SEA = '#dfe8ee';
export const LAND = '#f7f6f2';
