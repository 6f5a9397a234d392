// One ranked match of the finder and the reasons it ranks there, in words.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.js';
import { SpaceLink } from '../../ui/space-link.js';
import { TypeTag } from '../space/space-page.js';
import type { Match, Need, Reason } from './score.js';

const ReasonText = ({ r }: { r: Reason }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const needs = (list: readonly Need[]) => list.map((n) => t(`finder.need.${n}`)).join('、');
  switch (r.kind) {
    case 'distance':
      return <>{t('finder.reason.distance', { km: fmt.num(r.km, r.km < 10 ? 1 : 0) })}</>;
    case 'price':
      if (r.budget === null)
        return (
          <>
            {r.price === null
              ? t('finder.reason.priceUnknown')
              : t('finder.reason.priceNoBudget', { price: fmt.money(r.price) })}
          </>
        );
      if (r.price === null) return <>{t('finder.reason.priceUnknown')}</>;
      return (
        <>
          {t(r.price <= r.budget ? 'finder.reason.priceFits' : 'finder.reason.priceOver', {
            price: fmt.money(r.price),
            budget: fmt.money(r.budget),
          })}
        </>
      );
    case 'needs':
      if (r.covered.length === 0 && r.missing.length === 0) return <>{t('finder.reason.noNeeds')}</>;
      return (
        <>
          {r.covered.length > 0 && t('finder.reason.covered', { list: needs(r.covered) })}
          {r.covered.length > 0 && r.missing.length > 0 && '；'}
          {r.missing.length > 0 && t('finder.reason.missing', { list: needs(r.missing) })}
        </>
      );
    case 'stage':
      return <>{t(`finder.reason.stage_${r.family}`, { stage: t(`finder.stage.${r.stage}`) })}</>;
    case 'index':
      return (
        <>
          {r.score === null
            ? t('finder.reason.noIndex')
            : t('finder.reason.index', { score: fmt.num(r.score, 1) })}
        </>
      );
  }
};

export const MatchItem = ({
  m,
  rank,
  name,
  synthetic,
}: {
  m: Match;
  rank: number;
  name: string;
  synthetic: boolean;
}) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <li className="match" data-testid="finder-match">
      <div className="match-head">
        <span className="match-rank" aria-hidden="true">
          {rank}
        </span>
        <div className="match-title">
          <SpaceLink id={m.candidate.id} name={name} synthetic={synthetic} />
          <div className="muted">
            <TypeTag type={m.candidate.type} />
          </div>
        </div>
        <div className="match-score" aria-label={t('finder.scoreLabel', { score: fmt.num(m.score, 0) })}>
          <span className="match-score-value">{fmt.num(m.score, 0)}</span>
          <span className="meter" aria-hidden="true">
            <span style={{ width: `${Math.round(m.score)}%` }} />
          </span>
        </div>
      </div>
      <ul className="reasons" aria-label={t('finder.reasons')}>
        {m.reasons.map((r) => (
          <li
            key={r.kind}
            className={`reason reason-${r.fit >= 0.75 ? 'good' : r.fit >= 0.4 ? 'fair' : 'poor'}`}
            data-kind={r.kind}
          >
            <span className="reason-dot" aria-hidden="true" />
            <ReasonText r={r} />
          </li>
        ))}
      </ul>
    </li>
  );
};
