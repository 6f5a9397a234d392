// One range slider per pillar. Weights are relative: the share each gets of their total is shown
// beside it, since that share is what the weighted mean uses.
import { startTransition, useOptimistic } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.js';

export const WeightSliders = ({
  codes,
  names,
  weights,
  shares,
  custom,
  zeroByDefault,
  onChange,
  onReset,
}: {
  codes: readonly string[];
  names: readonly string[];
  weights: readonly number[];
  shares: readonly number[];
  custom: boolean;
  /** Some pillar weighs 0 in the framework (context only): say why. */
  zeroByDefault: boolean;
  /** Pillar k's weight set to `value` (0–1). */
  onChange: (k: number, value: number) => void;
  onReset: () => void;
}) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  // The weights live in the URL, applied as a transition after the re-ranking: the optimistic copy
  // keeps a dragged slider where the hand left it until then, instead of springing back.
  const [shown, setShown] = useOptimistic(weights);
  return (
    <section className="card weights" aria-labelledby="weights-h">
      <h2 id="weights-h">{t('rankings.weights')}</h2>
      <p className="hint">
        {t('rankings.weightsHint')} {zeroByDefault && t('rankings.weightsScale')}
      </p>
      {codes.map((c, k) => {
        const id = `weight-${c}`;
        const v = Math.round((shown[k] ?? 0) * 100);
        return (
          <div key={c} className="weight">
            <label htmlFor={id}>
              <span>{names[k] ?? c}</span>
              <output htmlFor={id} className="weight-share">
                {fmt.pct(shares[k] ?? 0, 0)}
              </output>
            </label>
            <input
              id={id}
              type="range"
              min={0}
              max={100}
              step={1}
              value={v}
              data-pillar={c}
              aria-valuetext={t('rankings.weightValue', { v, share: fmt.pct(shares[k] ?? 0, 0) })}
              onChange={(e) => {
                const value = Number(e.target.value) / 100;
                startTransition(() => {
                  setShown(shown.map((w, i) => (i === k ? value : w)));
                  onChange(k, value);
                });
              }}
            />
          </div>
        );
      })}
      <button type="button" className="btn btn-secondary btn-small" onClick={onReset} disabled={!custom}>
        {t('rankings.resetWeights')}
      </button>
    </section>
  );
};
