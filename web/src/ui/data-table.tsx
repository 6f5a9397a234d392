// A plain, accessible HTML table from TableData, optionally sortable by clicking a header.
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format.js';
import type { Cell, Column, TableData } from './table-data.js';

export interface DataTableProps {
  table: TableData;
  caption?: string;
  sortable?: boolean;
  /** Custom cell content (links, badges) by column key; the value is still what downloads carry. */
  render?: Partial<Record<string, (row: Record<string, Cell>) => ReactNode>>;
  maxRows?: number;
  testId?: string;
}

export const DataTable = ({ table, caption, sortable = false, render, maxRows, testId }: DataTableProps) => {
  const fmt = useFormat();
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: string; desc: boolean } | null>(null);
  const rows = useMemo(() => {
    if (!sort) return table.rows;
    const collator = new Intl.Collator(fmt.en ? 'en' : 'zh-CN', { numeric: true });
    const dir = sort.desc ? -1 : 1;
    return [...table.rows].sort((a, b) => {
      const x = a[sort.key] ?? null;
      const y = b[sort.key] ?? null;
      if (x === null) return y === null ? 0 : 1;
      if (y === null) return -1;
      return (
        dir *
        (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)))
      );
    });
  }, [table.rows, sort, fmt.en]);
  const shown = maxRows ? rows.slice(0, maxRows) : rows;
  // Numbers in numeric columns are formatted for the reader's locale; elsewhere (years, codes) as is.
  const show = (v: Cell, c: Column): string =>
    v === null
      ? '—'
      : typeof v === 'number' && c.percent
        ? fmt.pct(v, c.digits ?? 1)
        : typeof v === 'number' && c.numeric
          ? fmt.num(v, c.digits ?? (Number.isInteger(v) ? 0 : 2))
          : String(v);
  return (
    <div className="table-wrap">
      <table className="data" data-testid={testId}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {table.columns.map((c) => {
              const dir = sort?.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none';
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={sortable ? dir : undefined}
                >
                  {sortable ? (
                    <button
                      type="button"
                      className="sort-btn"
                      onClick={() =>
                        setSort((s) => ({ key: c.key, desc: s?.key === c.key ? !s.desc : !!c.numeric }))
                      }
                    >
                      {c.label}
                      {sort?.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={i}>
              {table.columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {render?.[c.key] ? render[c.key]?.(r) : show(r[c.key] ?? null, c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {maxRows !== undefined && rows.length > maxRows && (
        <p className="hint table-more">{t('table.more', { n: fmt.int(rows.length - maxRows) })}</p>
      )}
    </div>
  );
};
