import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { ReactNode } from 'react';

export interface BarDatum {
  key: string;
  /** Under the bar (short). */
  label: string;
  value: number;
  /** Where a click on the bar leads (the register filtered on it); the data table carries the same link. */
  href?: string;
}

interface BarChartProps {
  data: BarDatum[];
  /** Value axis ticks: `87 %`, `12`. */
  formatValue: (value: number) => string;
  /** Upper bound of the value axis (1 for rates); the largest value otherwise. */
  max?: number;
  onOpen?: (href: string) => void;
  height?: number;
  /** Every n-th label under the axis, so that 52 weeks stay readable. */
  labelEvery?: number;
}

const WIDTH = 640;
const MARGIN = { top: 12, right: 12, bottom: 40, left: 48 };

/**
 * A bar chart drawn as SVG by visx (docs/decisions/0011). The drawing is hidden from screen readers
 * (aria-hidden): its data table beside it says the same, with the links, for keyboards and screen readers.
 */
export function BarChart({ data, formatValue, max, onOpen, height = 220, labelEvery = 1 }: BarChartProps) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: data.map((d) => d.key), range: [0, innerWidth], padding: 0.2 });
  const top = max ?? Math.max(1, ...data.map((d) => d.value));
  const y = scaleLinear<number>({ domain: [0, top], range: [innerHeight, 0], nice: max === undefined });
  const labels = new Map(data.map((d) => [d.key, d.label]));
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      focusable="false"
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        {data.map((d) => {
          const barHeight = innerHeight - (y(d.value) ?? innerHeight);
          return (
            <Bar
              key={d.key}
              className={d.href && onOpen ? 'chart__bar chart__bar--link' : 'chart__bar'}
              x={x(d.key) ?? 0}
              y={innerHeight - barHeight}
              width={x.bandwidth()}
              height={barHeight}
              onClick={d.href && onOpen ? () => onOpen(d.href!) : undefined}
            >
              <title>{`${d.label} : ${formatValue(d.value)}`}</title>
            </Bar>
          );
        })}
        <AxisLeft
          scale={y}
          numTicks={4}
          tickFormat={(v) => formatValue(Number(v))}
          stroke="#3a3a3a"
          tickStroke="#3a3a3a"
          tickLabelProps={{ fill: '#161616', fontSize: 11, textAnchor: 'end', dx: -4, dy: 3 }}
        />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickFormat={(k) => labels.get(k) ?? k}
          tickValues={data.filter((_, i) => i % labelEvery === 0).map((d) => d.key)}
          stroke="#3a3a3a"
          tickStroke="#3a3a3a"
          tickLabelProps={{ fill: '#161616', fontSize: 11, textAnchor: 'middle' }}
        />
      </Group>
    </svg>
  );
}

/** A chart and its data table side by side (the table below on a narrow screen). */
export function ChartFigure({
  id,
  title,
  description,
  chart,
  table,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <section className="chart-figure" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {description ? <p className="muted">{description}</p> : null}
      <div className="chart-figure__body">
        <div className="chart-figure__drawing">{chart}</div>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region takes focus to scroll (WCAG 2.1.1). */}
        <section className="chart-figure__table table-wrapper" tabIndex={0} aria-label={`Données : ${title}`}>
          {table}
        </section>
      </div>
    </section>
  );
}
