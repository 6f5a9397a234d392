import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.js';
import {
  openState,
  parseOpeningHours,
  wallClock,
  weekHours,
  zoneOf,
  type DayHours,
  type OpenState,
} from './opening.js';

/** "Open now" with the next change, and the week's hours, evaluated in the space's time zone. */
export const OpeningHours = ({ value, country }: { value: string; country: string }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [result, setResult] = useState<
    { now: OpenState; week: DayHours[] } | { error: string } | undefined
  >();
  const zone = zoneOf(country);
  useEffect(() => {
    let cancelled = false;
    void parseOpeningHours(value, country).then((r) => {
      if (cancelled) return;
      if ('error' in r) return setResult({ error: r.error });
      const local = wallClock(new Date(), zone);
      setResult({ now: openState(r.oh, local), week: weekHours(r.oh, local) });
    });
    return () => {
      cancelled = true;
    };
  }, [value, country, zone]);
  const days = t('space.weekdays').split(',');
  const time = (d: Date) =>
    new Intl.DateTimeFormat(fmt.en ? 'en-GB' : 'zh-CN', {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(d);
  return (
    <div className="opening" data-testid="opening-hours">
      <p className="opening-raw">
        <code>{value}</code>
      </p>
      {!result ? (
        <p className="hint">{t('state.loading')}</p>
      ) : 'error' in result ? (
        <p className="hint">{t('space.hoursInvalid')}</p>
      ) : (
        <>
          <p className={`open-now open-${result.now.state}`} data-state={result.now.state}>
            <strong>{t(`space.open.${result.now.state}`)}</strong>
            {result.now.next && (
              <>
                {' '}
                ·{' '}
                {t(`space.open.next_${result.now.state === 'open' ? 'close' : 'open'}`, {
                  time: time(result.now.next),
                })}
              </>
            )}
          </p>
          <p className="hint">{zone ? t('space.zoneNote', { zone }) : t('space.zoneLocal')}</p>
          <table className="data hours">
            <tbody>
              {result.week.map((d) => (
                <tr key={d.weekday}>
                  <th scope="row">{days[d.weekday]}</th>
                  <td>{d.intervals.length ? d.intervals.join('，') : t('space.closedDay')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
};
