// Pillar scores side by side (a radar per comparison) from the latest index release.
import { useTranslation } from 'react-i18next';
import { indexApi } from '../../api/index-api.js';
import { Chart } from '../../ui/chart.js';
import { useFormat } from '../../ui/format.js';
import { useApi } from '../../ui/use-api.js';
import { radarOption } from '../space/index-section.js';

interface Scored {
  name: string;
  score: number | null;
  rank: number | null;
  pillars: (number | null)[];
}

export const CompareIndex = ({
  level,
  ids,
  names,
}: {
  level: 'space' | 'province';
  ids: string[];
  names: string[];
}) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const data = useApi(ids.length ? `cmp-index:${level}:${ids.join(',')}` : null, async (s) => {
    if (level === 'space') {
      const all = await Promise.all(
        ids.map((id) => indexApi.explain(id, undefined, s).catch(() => undefined)),
      );
      const first = all.find((x) => x !== undefined);
      if (!first) return undefined;
      return {
        year: first.year,
        pillars: first.pillars.map((p) => (fmt.en ? p.nameEn : p.nameZh)),
        items: all.map((e, k): Scored => ({
          name: names[k] ?? ids[k] ?? '',
          score: e?.score ?? null,
          rank: e?.rank ?? null,
          pillars: first.pillars.map((p) => e?.pillars.find((q) => q.code === p.code)?.score ?? null),
        })),
      };
    }
    const list = await indexApi.regions('province', undefined, undefined, s).catch(() => undefined);
    if (!list) return undefined;
    return {
      year: list.year,
      pillars: list.pillars.map((p) => (fmt.en ? p.nameEn : p.nameZh)),
      items: ids.map((id, k): Scored => {
        const r = list.items.find((x) => x.code === id);
        return {
          name: names[k] ?? id,
          score: r?.score ?? null,
          rank: r?.rank ?? null,
          pillars: list.pillars.map((p) => r?.pillars.find((q) => q.code === p.code)?.score ?? null),
        };
      }),
    };
  });
  const d = data.data;
  if (!d) return null;
  return (
    <div className="grid grid-2 compare-index" data-testid={`compare-index-${level}`}>
      <Chart
        option={radarOption(
          d.pillars,
          d.items.map((i) => ({ name: i.name, values: i.pillars })),
        )}
        label={t('compare.radar')}
      />
      <div className="table-wrap">
        <table className="data">
          <caption>{t('compare.indexCaption', { year: d.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rankings.col.name')}</th>
              <th scope="col" className="num">
                {t('index.score')}
              </th>
              <th scope="col" className="num">
                {t('index.rank')}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((i) => (
              <tr key={i.name}>
                <td>{i.name}</td>
                <td className="num">{fmt.num(i.score, 1)}</td>
                <td className="num">{fmt.int(i.rank)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
};
