// A small accessible SVG chart of monthly figures: bars (one or two series side by side) or a
// line. The picture is named and described for screen readers, every bar and point has a
// <title> (hover shows it), both axes are labelled, and a table with the same numbers follows.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';

export interface ChartSeries {
  key: string;
  label: string;
  colour: string;
  values: number[];
}

interface TrendChartProps {
  title: string;
  /** `YYYY-MM`, oldest first. */
  months: string[];
  series: ChartSeries[];
  kind: 'bar' | 'line';
  testId?: string;
}

const width = 560;
const height = 220;
const margin = { top: 16, right: 12, bottom: 44, left: 48 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

/**
 * A round top for the y axis, four grid steps of a round size (1, 2, 5 × 10ⁿ; 2.5 from 25 on),
 * so that every tick is a whole number: at least 4.
 */
export function niceMax(value: number): number {
  const rough = Math.max(1, value / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  const factors = power >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  const step = (factors.find((factor) => factor * power >= rough) ?? 10) * power;
  return step * 4;
}

function monthLabel(month: string, language: string, style: 'short' | 'long'): string {
  const match = /^(\d{4})-(\d{2})/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(language, {
    month: style,
    year: style === 'long' ? 'numeric' : '2-digit',
    timeZone: 'UTC',
  }).format(date);
}

export function TrendChart({ title, months, series, kind, testId }: TrendChartProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage ?? 'de';
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const band = plotWidth / Math.max(1, months.length);
  const y = (value: number) => margin.top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max];
  const barWidth = Math.max(2, (band * 0.7) / series.length);
  const n = (value: number) => formatNumber(value, language);
  const summary = series
    .map((s) => {
      const total = s.values.reduce((sum, value) => sum + value, 0);
      const last = s.values.at(-1) ?? 0;
      return t('dashboard.chart.seriesSummary', { label: s.label, total: n(total), last: n(last) });
    })
    .join(' ');

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
      </figcaption>
      {series.length > 1 && (
        <ul className="chart__keys" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key}>
              <span className="chart__key" style={{ background: s.colour }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <svg
        className="chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-svg-title ${id}-desc`}
        data-chart-kind={kind}
      >
        <title id={`${id}-svg-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {t('dashboard.chart.describe', {
            from: months[0] ? monthLabel(months[0], language, 'long') : '',
            to: months.at(-1) ? monthLabel(months.at(-1)!, language, 'long') : '',
          })}{' '}
          {summary}
        </desc>
        {/* y axis: grid lines with their values, and its name */}
        {ticks.map((tick) => (
          <g key={tick} className="chart__tick">
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} />
            <text x={margin.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {n(tick)}
            </text>
          </g>
        ))}
        <text
          className="chart__axis-label"
          transform={`translate(12 ${margin.top + plotHeight / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {t('dashboard.chart.yAxis')}
        </text>
        {/* x axis: one label per month, every other one on narrow charts */}
        <line
          className="chart__axis"
          x1={margin.left}
          x2={width - margin.right}
          y1={margin.top + plotHeight}
          y2={margin.top + plotHeight}
        />
        {months.map((month, index) =>
          months.length > 8 && index % 2 === 1 ? null : (
            <text
              key={month}
              className="chart__month"
              x={margin.left + band * (index + 0.5)}
              y={margin.top + plotHeight + 16}
              textAnchor="middle"
            >
              {monthLabel(month, language, 'short')}
            </text>
          ),
        )}
        <text
          className="chart__axis-label"
          x={margin.left + plotWidth / 2}
          y={height - 6}
          textAnchor="middle"
        >
          {t('dashboard.chart.xAxis')}
        </text>
        {kind === 'bar'
          ? series.map((s, seriesIndex) =>
              s.values.map((value, index) => {
                const x =
                  margin.left +
                  band * index +
                  (band - barWidth * series.length) / 2 +
                  barWidth * seriesIndex;
                return (
                  <rect
                    key={`${s.key}-${months[index]}`}
                    className="chart__bar"
                    x={x}
                    y={y(value)}
                    width={barWidth}
                    height={Math.max(0, margin.top + plotHeight - y(value))}
                    fill={s.colour}
                  >
                    <title>{`${s.label}, ${monthLabel(months[index], language, 'long')}: ${n(value)}`}</title>
                  </rect>
                );
              }),
            )
          : series.map((s) => (
              <g key={s.key}>
                <polyline
                  className="chart__line"
                  fill="none"
                  stroke={s.colour}
                  strokeWidth={2.5}
                  points={s.values
                    .map((value, index) => `${margin.left + band * (index + 0.5)},${y(value)}`)
                    .join(' ')}
                />
                {s.values.map((value, index) => (
                  <circle
                    key={months[index]}
                    className="chart__point"
                    cx={margin.left + band * (index + 0.5)}
                    cy={y(value)}
                    r={4}
                    fill={s.colour}
                  >
                    <title>{`${s.label}, ${monthLabel(months[index], language, 'long')}: ${n(value)}`}</title>
                  </circle>
                ))}
              </g>
            ))}
      </svg>
      <details className="chart__table">
        <summary>{t('dashboard.chart.asTable')}</summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.chart.xAxis')}</th>
                {series.map((s) => (
                  <th scope="col" key={s.key} className="numeric">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((month, index) => (
                <tr key={month}>
                  <th scope="row">{monthLabel(month, language, 'long')}</th>
                  {series.map((s) => (
                    <td key={s.key} className="numeric">
                      {n(s.values[index] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
