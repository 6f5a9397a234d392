import { describe, expect, it } from 'vitest';
import {
  nestaEquipment,
  nestaLegalForm,
  nestaPlans,
  nestaStatus,
  surveyDate,
  ukDate,
  undoExcelMonth,
} from './nesta-survey.js';

describe('Nesta survey answers', () => {
  it('read UK dates and survey timestamps', () => {
    expect(ukDate('01/09/2011')).toBe('2011-09-01');
    expect(ukDate('31/13/2011')).toBeUndefined();
    expect(surveyDate('08-Mar-15')).toBe('2015-03-08');
  });

  it('undo Excel turning ranges into dates', () => {
    expect(undoExcelMonth('Oct-20')).toBe('10-20');
    expect(undoExcelMonth('May-25')).toBe('5-25');
    expect(undoExcelMonth('03-Aug')).toBe('3-8');
    expect(undoExcelMonth('from 20 - 75')).toBe('from 20 - 75');
  });

  it('derive status from opening and closing dates as of the survey', () => {
    expect(nestaStatus('2011-09-01', undefined, '', '2015-01-11')).toEqual({
      status: 'active',
      foundedOn: '2011-09-01',
    });
    expect(nestaStatus('2015-05-15', undefined, '', '2015-02-01')).toMatchObject({ status: 'planned' });
    expect(nestaStatus('2010-01-01', '2013-11-30', '', '2015-01-01')).toMatchObject({
      status: 'closed',
      closedOn: '2013-11-30',
    });
    // Closed in 2013, reopened in 2015 (Lincoln Hackspace): not closed.
    expect(nestaStatus('2015-03-31', '2013-11-30', 'Temporarily closed', '2015-04-01')).toMatchObject({
      status: 'active',
    });
    expect(nestaStatus(undefined, undefined, 'Planned', '2015-01-01')).toEqual({ status: 'planned' });
  });

  it('find GBP plans in the fees answer and name them from their label', () => {
    expect(
      nestaPlans('Evening & Weekend Membership: £45 /mth\r• Open access\r\rWorkshop Membership: £75/mth'),
    ).toEqual([
      { name: 'Evening & Weekend Membership', amount: 45, currency: 'GBP', interval: 'month' },
      { name: 'Workshop Membership', amount: 75, currency: 'GBP', interval: 'month' },
    ]);
    expect(nestaPlans('£3/week or £10/month.')).toEqual([
      { name: 'Membership', amount: 3, currency: 'GBP', interval: 'week' },
      { name: 'Membership', amount: 10, currency: 'GBP', interval: 'month' },
    ]);
    expect(nestaPlans('We charge £30 for the year / free')).toEqual([]);
    expect(nestaPlans('£4 a night, on the door with £10 annual membership.')).toEqual([
      { name: 'Membership', amount: 4, currency: 'GBP', interval: 'session' },
      { name: 'Membership', amount: 10, currency: 'GBP', interval: 'year' },
    ]);
  });

  it('map tools to equipment, ignoring "no" answers', () => {
    const cols: Record<string, string> = {
      Woodwork: 'Band saw, table saw',
      Metalwork: 'No',
      'Digital fabrication': 'Laser Cutter (A2)\r3D Printer',
      Ceramics: 'Access at another unit not in house.',
    };
    expect(nestaEquipment((c) => cols[c] ?? '')).toEqual(['3d_printing', 'laser_cutting', 'woodwork']);
  });

  it('map legal structures', () => {
    expect(nestaLegalForm('Company limited by guarantee, Not for profit')).toBe('nonprofit');
    expect(nestaLegalForm('Unincorporated association')).toBe('association');
    expect(nestaLegalForm('Company limited by shares')).toBe('company');
    expect(nestaLegalForm('part of university')).toBe('university');
    expect(nestaLegalForm('')).toBeNull();
  });
});
