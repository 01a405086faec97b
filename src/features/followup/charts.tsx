/**
 * Server-rendered SVG charts: no chart library, no JavaScript. Each chart has a <title> and a
 * <desc> (named by aria-labelledby/aria-describedby) and is always shown beside a table with the
 * same numbers. Every drawn value carries `data-key="row|column"` and `data-value`, the same keys
 * as the table cells, so a test (or a reader's tool) can check that both say the same thing.
 */
import type { StatusCounts, StatusKey } from './status.js';

/** Colour per status; chosen to stay distinguishable for common colour-vision deficiencies. */
export const STATUS_COLORS: Record<StatusKey, string> = {
  not_started: '#9e9e9e',
  in_progress: '#1f78b4',
  partially_implemented: '#a6cee3',
  implemented: '#33a02c',
  reversed: '#e31a1c',
  no_longer_relevant: '#6a3d9a',
  none: '#e0e0e0',
};

const WIDTH = 640;
const LABEL_WIDTH = 200;
const BAR_HEIGHT = 22;
const GAP = 8;
const PLOT = WIDTH - LABEL_WIDTH - 60;

interface ChartFrame {
  id: string;
  title: string;
  desc: string;
  height: number;
  children?: unknown;
}

function Frame({ id, title, desc, height, children }: ChartFrame): JSX.Element {
  return (
    <svg
      class="chart"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`} safe>
        {title}
      </title>
      <desc id={`${id}-desc`} safe>
        {desc}
      </desc>
      {children as 'safe'}
    </svg>
  );
}

function truncate(label: string, max = 30): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export interface Bar {
  key: string;
  label: string;
  value: number;
  color: string;
}

/** One horizontal bar per row, value written at its end. */
export function BarChart(props: { id: string; title: string; desc: string; bars: Bar[] }): JSX.Element {
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const height = props.bars.length * (BAR_HEIGHT + GAP) + GAP;
  return (
    <Frame id={props.id} title={props.title} desc={props.desc} height={height}>
      {props.bars.map((bar, i) => {
        const y = GAP + i * (BAR_HEIGHT + GAP);
        const w = Math.round((bar.value / max) * PLOT);
        return (
          <g>
            <text x={LABEL_WIDTH - 6} y={y + 16} text-anchor="end" safe>
              {truncate(bar.label)}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y}
              width={w}
              height={BAR_HEIGHT}
              fill={bar.color}
              data-key={bar.key}
              data-value={String(bar.value)}
            />
            <text x={LABEL_WIDTH + w + 6} y={y + 16} safe>
              {String(bar.value)}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

export interface StackedRow {
  key: string;
  label: string;
  counts: StatusCounts;
}

/** One bar per row, split by status (scaled to the largest row), with a legend of the statuses drawn. */
export function StackedChart(props: {
  id: string;
  title: string;
  desc: string;
  rows: StackedRow[];
  statuses: readonly StatusKey[];
  statusLabel: (s: StatusKey) => string;
}): JSX.Element {
  const totals = props.rows.map((r) => props.statuses.reduce((sum, s) => sum + r.counts[s], 0));
  const max = Math.max(1, ...totals);
  const legendY = props.rows.length * (BAR_HEIGHT + GAP) + GAP;
  const height = legendY + Math.ceil(props.statuses.length / 3) * 20 + 10;
  return (
    <Frame id={props.id} title={props.title} desc={props.desc} height={height}>
      {props.rows.map((row, i) => {
        const y = GAP + i * (BAR_HEIGHT + GAP);
        let x = LABEL_WIDTH;
        return (
          <g>
            <text x={LABEL_WIDTH - 6} y={y + 16} text-anchor="end" safe>
              {truncate(row.label)}
            </text>
            {props.statuses.map((s) => {
              const value = row.counts[s];
              const w = Math.round((value / max) * PLOT);
              const rect = (
                <rect
                  x={x}
                  y={y}
                  width={w}
                  height={BAR_HEIGHT}
                  fill={STATUS_COLORS[s]}
                  data-key={`${row.key}|${s}`}
                  data-value={String(value)}
                >
                  <title safe>{`${props.statusLabel(s)}: ${value}`}</title>
                </rect>
              );
              x += w;
              return rect;
            })}
            <text x={x + 6} y={y + 16} safe>
              {String(totals[i])}
            </text>
          </g>
        );
      })}
      {props.statuses.map((s, i) => {
        const x = (i % 3) * 210 + 10;
        const y = legendY + Math.floor(i / 3) * 20;
        return (
          <g>
            <rect x={x} y={y} width="12" height="12" fill={STATUS_COLORS[s]} />
            <text x={x + 18} y={y + 11} safe>
              {props.statusLabel(s)}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

export interface PercentGroup {
  key: string;
  label: string;
  values: { key: string; label: string; percent: number }[];
}

const SERIES_COLORS = ['#1f78b4', '#ff7f00', '#33a02c'];

/** Per row, one thin bar per measure, on a 0–100 % scale. */
export function PercentChart(props: { id: string; title: string; desc: string; groups: PercentGroup[] }): JSX.Element {
  const seriesCount = props.groups[0]?.values.length ?? 0;
  const groupHeight = seriesCount * 14 + GAP * 2;
  const height = props.groups.length * groupHeight + GAP;
  return (
    <Frame id={props.id} title={props.title} desc={props.desc} height={height}>
      {props.groups.map((group, i) => {
        const y0 = GAP + i * groupHeight;
        return (
          <g>
            <text x={LABEL_WIDTH - 6} y={y0 + 14} text-anchor="end" safe>
              {truncate(group.label)}
            </text>
            {group.values.map((v, j) => {
              const w = Math.round((v.percent / 100) * PLOT);
              const y = y0 + j * 14;
              return (
                <g>
                  <rect
                    x={LABEL_WIDTH}
                    y={y}
                    width={w}
                    height="12"
                    fill={SERIES_COLORS[j % SERIES_COLORS.length]}
                    data-key={`${group.key}|${v.key}`}
                    data-value={String(v.percent)}
                  >
                    <title safe>{`${v.label}: ${v.percent} %`}</title>
                  </rect>
                  <text x={LABEL_WIDTH + w + 4} y={y + 10} class="chart-small" safe>
                    {`${v.label} ${v.percent} %`}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </Frame>
  );
}
