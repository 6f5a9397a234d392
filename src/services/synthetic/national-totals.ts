// National figures the synthetic sample is calibrated to. Facts come from CHINA-FACTS.md §4 (national
// statistics of maker spaces) and the seed study; everything marked `assumed` is our own plausible
// filler for years or fields the sources do not give, so the demo series look continuous. The index
// never reads these: they only shape demonstration data.
import type { ReportNumberField } from '../../domain/annual-report.js';

/** Year-end counts of active maker spaces in China (CHINA-FACTS §4). */
export const NATIONAL_SPACES: Readonly<Record<number, number>> = {
  2016: 4298,
  2017: 5739,
  2018: 6959,
  2019: 8000,
  2020: 8507,
};
export const FACT_YEARS = [2016, 2017, 2018, 2019, 2020] as const;

/**
 * Assumed ramp before the national statistics begin. The seed study dates China's first space to
 * 2010-10-01 (上海新车间, a real record, not synthetic) and counts about a thousand spaces by 2015.
 */
export const RAMP_SPACES: Readonly<Record<number, number>> = {
  2011: 5,
  2012: 20,
  2013: 80,
  2014: 300,
  2015: 1000,
};

/**
 * Assumed share of the previous year-end count that closes during a year. 2020 is near the
 * 2020 national review's removal rate (135 of 2,386, 5.7 %) but lower, as that review only covered
 * filed spaces, which are the ones at risk of losing the filing.
 */
export const CLOSURE_RATE: Readonly<Record<number, number>> = {
  2012: 0.01,
  2013: 0.01,
  2014: 0.01,
  2015: 0.01,
  2016: 0.01,
  2017: 0.02,
  2018: 0.025,
  2019: 0.03,
  2020: 0.035,
};

/** Assumed modest continuation after 2020 (the last year with a published count). */
export const CONTINUATION = { years: [2021, 2022, 2023], foundingRate: 0.04, closureRate: 0.025 } as const;

/** Provinces whose 2020 counts are published (CHINA-FACTS §4). */
export const PROVINCE_SPACES_2020: Readonly<Record<string, number>> = { '440000': 993, '320000': 898 };
/** Spaces run by private operators at the end of 2020 (CHINA-FACTS §4). */
export const PRIVATE_SPACES_2020 = 7174;
/**
 * Provinces the seed study names as having the most spaces by 2015 (浙江、广东、湖北、上海、北京):
 * the ramp years give them a larger share.
 */
export const EARLY_LEADERS = ['330000', '440000', '420000', '310000', '110000'] as const;

type Series = Readonly<Record<number, number>>;

/**
 * National yearly totals the report generator scales to. Money in 千元. Where CHINA-FACTS gives a
 * figure the value is that figure (see NATIONAL_REPORT_FACTS); the rest is assumed.
 */
export const REPORT_TARGETS: Readonly<Partial<Record<ReportNumberField, Series>>> = {
  // 2017 given; 2019 and 2020 give only teams + startups (441k, 439k), split here 57 : 43 as in 2017.
  teamsServed: { 2016: 190_000, 2017: 237_126, 2018: 245_000, 2019: 250_000, 2020: 248_000 },
  startupsServed: { 2016: 140_000, 2017: 182_462, 2018: 186_000, 2019: 191_000, 2020: 191_000 },
  teamMembers: { 2016: 760_000, 2017: 950_000, 2018: 980_000, 2019: 1_000_000, 2020: 990_000 },
  staff: { 2016: 62_000, 2017: 76_000, 2018: 87_000, 2019: 95_000, 2020: 99_000 },
  mentors: { 2016: 80_000, 2017: 100_000, 2018: 110_000, 2019: 120_000, 2020: 124_000 },
  jobs: { 2016: 1_100_000, 2017: 1_350_000, 2018: 1_450_000, 2019: 1_550_000, 2020: 1_930_000 },
  jobsFreshGraduates: { 2016: 150_000, 2017: 170_000, 2018: 185_000, 2019: 199_000, 2020: 240_000 },
  financedCount: { 2016: 15_000, 2017: 16_500, 2018: 17_500, 2019: 18_000, 2020: 18_500 },
  financingKCny: { 2016: 53_950_000, 2017: 56_000_000, 2018: 58_000_000, 2019: 60_000_000, 2020: 62_000_000 },
  events: { 2016: 120_000, 2017: 151_493, 2018: 165_000, 2019: 175_000, 2020: 150_000 },
  trainings: { 2016: 90_000, 2017: 110_000, 2018: 120_000, 2019: 128_000, 2020: 115_000 },
  validIp: { 2016: 60_000, 2017: 80_000, 2018: 95_000, 2019: 110_000, 2020: 125_000 },
  inventionPatents: { 2016: 9_000, 2017: 12_000, 2018: 14_500, 2019: 17_000, 2020: 19_500 },
  revenueKCny: { 2016: 12_000_000, 2017: 15_300_000, 2018: 18_000_000, 2019: 20_370_000, 2020: 21_000_000 },
  serviceRevenueKCny: { 2016: 4_200_000, 2017: 5_400_000, 2018: 6_400_000, 2019: 7_300_000, 2020: 7_600_000 },
  operatingCostKCny: {
    2016: 13_000_000,
    2017: 16_500_000,
    2018: 19_300_000,
    2019: 21_530_000,
    2020: 22_100_000,
  },
  subsidyKCny: { 2016: 2_400_000, 2017: 2_700_000, 2018: 2_850_000, 2019: 2_950_000, 2020: 3_020_000 },
  taxReliefKCny: { 2016: 150_000, 2017: 170_000, 2018: 190_000, 2019: 205_000, 2020: 221_000 },
};

/** A published national figure about annual reports: the sum of `fields` in `year`. */
export interface NationalReportFact {
  year: number;
  fields: readonly ReportNumberField[];
  value: number;
  /** `atLeast` for "more than" figures. */
  kind: 'equal' | 'atLeast';
  label: string;
}

/** CHINA-FACTS §4, in report fields (money converted to 千元). */
export const NATIONAL_REPORT_FACTS: readonly NationalReportFact[] = [
  {
    year: 2016,
    fields: ['financingKCny'],
    value: 53_950_000,
    kind: 'equal',
    label: 'financing 53.95 bn yuan',
  },
  { year: 2017, fields: ['revenueKCny'], value: 15_000_000, kind: 'atLeast', label: 'revenue > 15 bn yuan' },
  { year: 2017, fields: ['events'], value: 151_493, kind: 'equal', label: '151,493 events' },
  { year: 2017, fields: ['teamsServed'], value: 237_126, kind: 'equal', label: '237,126 teams' },
  { year: 2017, fields: ['startupsServed'], value: 182_462, kind: 'equal', label: '182,462 startups' },
  {
    year: 2019,
    fields: ['teamsServed', 'startupsServed'],
    value: 441_000,
    kind: 'equal',
    label: '441k teams and firms served',
  },
  { year: 2019, fields: ['revenueKCny'], value: 20_370_000, kind: 'equal', label: 'revenue 20.37 bn yuan' },
  {
    year: 2019,
    fields: ['operatingCostKCny'],
    value: 21_530_000,
    kind: 'equal',
    label: 'cost 21.53 bn yuan',
  },
  { year: 2019, fields: ['staff'], value: 95_000, kind: 'equal', label: '95k staff' },
  { year: 2019, fields: ['jobs'], value: 1_550_000, kind: 'equal', label: '1.55 M jobs' },
  {
    year: 2019,
    fields: ['jobsFreshGraduates'],
    value: 199_000,
    kind: 'equal',
    label: '199k fresh graduates',
  },
  {
    year: 2020,
    fields: ['teamsServed', 'startupsServed'],
    value: 439_000,
    kind: 'equal',
    label: '439k teams and firms served',
  },
  { year: 2020, fields: ['jobs'], value: 1_930_000, kind: 'equal', label: '1.93 M jobs' },
  {
    year: 2020,
    fields: ['subsidyKCny'],
    value: 3_020_000,
    kind: 'equal',
    label: 'post-subsidies 3.02 bn yuan',
  },
  { year: 2020, fields: ['taxReliefKCny'], value: 221_000, kind: 'equal', label: 'tax relief 0.221 bn yuan' },
];
