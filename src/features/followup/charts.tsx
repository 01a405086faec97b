/**
 * Server-rendered SVG charts: no chart library, no JavaScript. Each chart has a <title> and a
 * <desc> (named by aria-labelledby/aria-describedby) and is always shown beside a table with the
 * same numbers. They scale to their container (viewBox, width 100 %) and are drawn narrow (420 units),
 * so text stays legible on a phone: each row's label sits on its own lines above its bar, wrapped
 * between words, never cut. Every drawn value carries `data-key="row|column"` and `data-value`, the same keys
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

const WIDTH = 420;
const LINE = 20;
const BAR_HEIGHT = 18;
const GAP = 12;
/** Characters per label line at the chart's 16px text over 420 units. */
const LABEL_CHARS = 42;

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

/** A label broken into lines between words (a word longer than a line gets a line of its own). */
export function wrapLabel(label: string, max = LABEL_CHARS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return line || lines.length === 0 ? [...lines, line] : lines;
}

/** A row's label above its bar: returns the label's text element and the y where the bar starts. */
function RowLabel(props: { label: string; y: number }): { element: JSX.Element; barY: number } {
  const lines = wrapLabel(props.label);
  const element = (
    <text x="0" y={props.y + LINE - 4}>
      {lines.map((line, i) => (
        <tspan x="0" dy={i === 0 ? '0' : String(LINE)} safe>
          {line}
        </tspan>
      ))}
    </text>
  );
  return { element, barY: props.y + lines.length * LINE + 2 };
}

export interface Bar {
  key: string;
  label: string;
  value: number;
  color: string;
}

/** Room at the end of a bar for its number. */
const VALUE_ROOM = 48;

/** One horizontal bar per row under its label, value written at its end. */
export function BarChart(props: { id: string; title: string; desc: string; bars: Bar[] }): JSX.Element {
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const plot = WIDTH - VALUE_ROOM;
  let y = 0;
  const rows = props.bars.map((bar) => {
    const { element, barY } = RowLabel({ label: bar.label, y });
    y = barY + BAR_HEIGHT + GAP;
    const w = Math.round((bar.value / max) * plot);
    return (
      <g>
        {element}
        <rect
          x="0"
          y={barY}
          width={w}
          height={BAR_HEIGHT}
          fill={bar.color}
          data-key={bar.key}
          data-value={String(bar.value)}
        />
        <text x={w + 6} y={barY + BAR_HEIGHT - 4} safe>
          {String(bar.value)}
        </text>
      </g>
    );
  });
  return (
    <Frame id={props.id} title={props.title} desc={props.desc} height={y}>
      {rows}
    </Frame>
  );
}

export interface StackedRow {
  key: string;
  label: string;
  counts: StatusCounts;
}

/**
 * One bar per row, split by status (scaled to the largest row), and under the chart a legend of the
 * statuses drawn, in HTML so it wraps at any width.
 */
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
  const plot = WIDTH - VALUE_ROOM;
  let y = 0;
  const rows = props.rows.map((row, i) => {
    const { element, barY } = RowLabel({ label: row.label, y });
    y = barY + BAR_HEIGHT + GAP;
    let x = 0;
    return (
      <g>
        {element}
        {props.statuses.map((s) => {
          const value = row.counts[s];
          const w = Math.round((value / max) * plot);
          const rect = (
            <rect
              x={x}
              y={barY}
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
        <text x={x + 6} y={barY + BAR_HEIGHT - 4} safe>
          {String(totals[i])}
        </text>
      </g>
    );
  });
  return (
    <div class="chart-figure">
      <Frame id={props.id} title={props.title} desc={props.desc} height={y}>
        {rows}
      </Frame>
      <ul class="chart-legend">
        {props.statuses.map((s) => (
          <li>
            <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
              <rect width="12" height="12" fill={STATUS_COLORS[s]} />
            </svg>
            <span safe>{props.statusLabel(s)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface PercentGroup {
  key: string;
  label: string;
  values: { key: string; label: string; percent: number }[];
}

const SERIES_COLORS = ['#1f78b4', '#ff7f00', '#33a02c'];
const SERIES_BAR = 12;
const SERIES_STEP = 17;
/** Room at the end of a bar for "Implementadas 100 %" at the small text size. */
const SERIES_TEXT_ROOM = 165;

/** Per row, under its label, one thin bar per measure, on a 0–100 % scale. */
export function PercentChart(props: { id: string; title: string; desc: string; groups: PercentGroup[] }): JSX.Element {
  const plot = WIDTH - SERIES_TEXT_ROOM;
  let y = 0;
  const groups = props.groups.map((group) => {
    const { element, barY } = RowLabel({ label: group.label, y });
    y = barY + group.values.length * SERIES_STEP + GAP;
    return (
      <g>
        {element}
        {group.values.map((v, j) => {
          const w = Math.round((v.percent / 100) * plot);
          const by = barY + j * SERIES_STEP;
          return (
            <g>
              <rect
                x="0"
                y={by}
                width={w}
                height={SERIES_BAR}
                fill={SERIES_COLORS[j % SERIES_COLORS.length]}
                data-key={`${group.key}|${v.key}`}
                data-value={String(v.percent)}
              >
                <title safe>{`${v.label}: ${v.percent} %`}</title>
              </rect>
              <text x={w + 5} y={by + SERIES_BAR - 1} class="chart-small" safe>
                {`${v.label} ${v.percent} %`}
              </text>
            </g>
          );
        })}
      </g>
    );
  });
  return (
    <Frame id={props.id} title={props.title} desc={props.desc} height={y}>
      {groups}
    </Frame>
  );
}
