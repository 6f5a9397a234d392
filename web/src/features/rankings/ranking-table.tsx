// The ranking as an HTML table: rank, name, index, pillar scores, change on the year before, the
// 5–95 % rank interval and, with custom weights, how far each unit moved from its published rank.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { provinceName, provinceOf } from '../../data/provinces.js';
import { useFormat } from '../../ui/format.js';
import { SpaceLink } from '../../ui/space-link.js';

export interface RankingRow {
  id: string;
  name: string;
  rank: number;
  score: number;
  pillars: (number | null)[];
  extra:
    | {
        type: string | null;
        regionCode: string | null;
        rankChange: number | null;
        publishedRank: number | null;
      }
    | undefined;
  q5: number | null;
  q95: number | null;
}

export const RankChange = ({ change }: { change: number | null }) => {
  const { t } = useTranslation();
  if (change === null) return <span className="muted">—</span>;
  if (change === 0)
    return (
      <span className="muted" aria-label={t('rankings.same')}>
        ＝
      </span>
    );
  return change > 0 ? (
    <span className="rank-up" aria-label={t('rankings.up', { n: change })}>
      ▲{change}
    </span>
  ) : (
    <span className="rank-down" aria-label={t('rankings.down', { n: -change })}>
      ▼{-change}
    </span>
  );
};

export const RankingTable = ({
  rows,
  level,
  pillarNames,
  custom,
  caption,
  synthetic,
}: {
  rows: readonly RankingRow[];
  level: 'space' | 'province' | 'prefecture';
  pillarNames: readonly string[];
  custom: boolean;
  caption: string;
  synthetic: ReadonlySet<string>;
}) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <div className="table-wrap">
      <table className="data ranking" data-testid="ranking-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('rankings.col.rank')}
            </th>
            <th scope="col">{t('rankings.col.name')}</th>
            <th scope="col" className="num">
              {t('rankings.col.score')}
            </th>
            {pillarNames.map((name) => (
              <th key={name} scope="col" className="num">
                {name}
              </th>
            ))}
            <th scope="col" className="num">
              {t('rankings.col.change')}
            </th>
            <th scope="col" className="num">
              {t('rankings.col.interval')}
            </th>
            {custom && (
              <th scope="col" className="num">
                {t('rankings.col.moved')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const moved = custom && r.extra?.publishedRank != null ? r.extra.publishedRank - r.rank : null;
            const where = [
              r.extra?.type ? fmt.typeLabel(r.extra.type) : null,
              r.extra?.regionCode ? provinceName(provinceOf(r.extra.regionCode), fmt.en) : null,
            ].filter(Boolean);
            return (
              <tr key={r.id} data-unit={r.id}>
                <td className="num rank-cell">{fmt.int(r.rank)}</td>
                <td>
                  {level === 'space' ? (
                    <>
                      <SpaceLink id={r.id} name={r.name} synthetic={synthetic.has(r.id)} />
                      <div className="muted small">{where.join(' · ')}</div>
                    </>
                  ) : (
                    <Link to={`/regions/${r.id}`}>{r.name}</Link>
                  )}
                </td>
                <td className="num score-cell">{fmt.num(r.score, 1)}</td>
                {r.pillars.map((v, k) => (
                  <td key={k} className="num">
                    {fmt.num(v, 1)}
                  </td>
                ))}
                <td className="num">
                  <RankChange change={r.extra?.rankChange ?? null} />
                </td>
                <td className="num">
                  {r.q5 !== null && r.q95 !== null ? `${fmt.int(r.q5)}–${fmt.int(r.q95)}` : '—'}
                </td>
                {custom && (
                  <td className="num">
                    <RankChange change={moved} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};
