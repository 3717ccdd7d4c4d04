import type { ReactNode } from "react";

/**
 * Survey results (trygghetsundersökning) drawn as SVG on the server, each followed by its
 * data table, so a page reads the same with or without JavaScript. Presentational only:
 * the caller passes numbers already computed and the text in the visitor's language.
 */

/** One answer option or group: its share (0..1), or null when hidden because too few answered. */
export interface ChartBar {
  key: string;
  label: string;
  share: number | null;
  /** 95 % confidence interval, 0..1. */
  low?: number | null;
  high?: number | null;
  n?: number | null;
}

/** One wave of an indicator, e.g. "2024"; share null leaves a gap in the line. */
export interface TrendPoint {
  key: string;
  label: string;
  share: number | null;
  low?: number | null;
  high?: number | null;
  n?: number | null;
}

export interface ChartLabels {
  /** Shown instead of any number when a value is hidden, e.g. "för få svar". */
  hidden: string;
  /** Column header, "Andel". */
  share: string;
  /** Column header, "95 % konfidensintervall". */
  interval: string;
  /** Column header, "Antal svar". */
  answers: string;
  /** First column header, e.g. "Svarsalternativ" or "År". */
  group: string;
  /** Summary of the table's disclosure; "Visa som tabell" when left out. */
  showTable?: string;
}

/** The Swedish defaults; spread and override, e.g. `{ ...SWEDISH_CHART_LABELS, group: "År" }`. */
export const SWEDISH_CHART_LABELS = {
  hidden: "för få svar",
  share: "Andel",
  interval: "95 % konfidensintervall",
  answers: "Antal svar",
  group: "Svarsalternativ",
  showTable: "Visa som tabell",
} as const satisfies Required<ChartLabels>;

// A narrow viewBox so that 14-unit text is still about 13 px when the chart is 343 px wide
// on a 375 px phone; CSS caps the width so it does not grow huge on a desktop.
const WIDTH = 360;
const FONT_SIZE = 14;
const LINE_HEIGHT = 18;
// A generous average glyph width for the wrapping estimate: better an early line break than
// a label cut off at the edge, since SVG text never wraps by itself.
const CHAR_WIDTH = FONT_SIZE * 0.6;
// No-break space: Swedish writes "34 %", and the sign must not wrap onto its own line.
const NBSP = "\u00a0";

const clamp = (value: number) => Math.min(1, Math.max(0, value));
// Coordinates to two decimals keep the markup short; nobody sees a hundredth of a unit.
const round = (value: number) => Math.round(value * 100) / 100;
const percent = (value: number) => Math.round(clamp(value) * 100);

/** "34 %" (with a no-break space), whole percent. */
export function formatShare(share: number): string {
  return `${percent(share)}${NBSP}%`;
}

/** "29–40 %". */
export function formatInterval(low: number, high: number): string {
  return `${percent(low)}–${percent(high)}${NBSP}%`;
}

const countFormat = new Intl.NumberFormat("sv-SE");

/** Splits a label into lines of at most `maxChars`, at spaces where it can. */
function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= maxChars) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (rest.length > maxChars) {
      lines.push(rest.slice(0, maxChars));
      rest = rest.slice(maxChars);
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

interface Row {
  key: string;
  label: string;
  share: number | null;
  low?: number | null;
  high?: number | null;
  n?: number | null;
}

const hasInterval = (row: Row) => row.share !== null && row.low != null && row.high != null;

/**
 * The chart's frame: figure, caption, the SVG and the same numbers as a table.
 *
 * The SVG is `role="img"` named by its own `<title>` rather than `aria-hidden`: a screen
 * reader then announces one image by name, whose loose text pieces (role img makes its
 * children presentational) are not read out of order, and people who see the chart and use
 * a screen reader or voice control can still find it; the numbers follow in the table.
 */
function ChartFigure({
  id,
  title,
  kind,
  rows,
  labels,
  height,
  children,
}: {
  id: string;
  title: string;
  kind: "bars" | "trend";
  rows: readonly Row[];
  labels: ChartLabels;
  height: number;
  children: ReactNode;
}) {
  const titleId = `${id}-title`;
  const visible = rows.filter((row) => row.share !== null);
  const showInterval = visible.some(hasInterval);
  const showAnswers = visible.some((row) => row.n != null);
  const valueColumns = 1 + (showInterval ? 1 : 0) + (showAnswers ? 1 : 0);
  return (
    <figure className="survey-chart" data-kind={kind}>
      <figcaption>{title}</figcaption>
      <svg
        className="survey-chart-svg"
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        fontSize={FONT_SIZE}
      >
        <title id={titleId}>{title}</title>
        {children}
      </svg>
      {/* Closed by default: the chart comes first and a page may hold many; <details> opens without JavaScript. */}
      <details className="survey-chart-data">
        <summary>{labels.showTable ?? SWEDISH_CHART_LABELS.showTable}</summary>
        <div className="table-wrap">
          <table className="ds-table survey-chart-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.group}</th>
                <th scope="col">{labels.share}</th>
                {showInterval ? <th scope="col">{labels.interval}</th> : null}
                {showAnswers ? <th scope="col">{labels.answers}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {row.share === null ? (
                    // A hidden value shows no number at all, not even how few answered.
                    <td colSpan={valueColumns} className="survey-chart-hidden-cell">
                      {labels.hidden}
                    </td>
                  ) : (
                    <>
                      <td className="numeric">{formatShare(row.share)}</td>
                      {showInterval ? (
                        <td className="numeric">
                          {hasInterval(row) ? formatInterval(row.low!, row.high!) : null}
                        </td>
                      ) : null}
                      {showAnswers ? (
                        <td className="numeric">{row.n != null ? countFormat.format(row.n) : null}</td>
                      ) : null}
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** A 95 % interval: a line from `from` to `to` with end caps, across at `at`, over a halo so it shows on a bar. */
function Whisker({
  direction,
  from,
  to,
  at,
  cap,
}: {
  direction: "horizontal" | "vertical";
  from: number;
  to: number;
  at: number;
  cap: number;
}) {
  const d =
    direction === "horizontal"
      ? `M${from} ${at}H${to}M${from} ${at - cap / 2}v${cap}M${to} ${at - cap / 2}v${cap}`
      : `M${at} ${from}V${to}M${at - cap / 2} ${from}h${cap}M${at - cap / 2} ${to}h${cap}`;
  return (
    <g className="survey-chart-interval">
      <path className="survey-chart-halo" d={d} />
      <path className="survey-chart-whisker" d={d} />
    </g>
  );
}

// Bars: label on its own line(s) above a full-width track, the value in a column at the right.
const BAR_TRACK_WIDTH = 296;
const BAR_HEIGHT = 18;
const BAR_GAP = 14;
const BAR_LABEL_CHARS = Math.floor(WIDTH / CHAR_WIDTH);

/** Where each bar's label lines and bar go, top to bottom, and the height they need. */
function layOutBars(bars: readonly ChartBar[]) {
  const rows: { bar: ChartBar; lines: string[]; top: number; barY: number }[] = [];
  let y = 0;
  for (const bar of bars) {
    const lines = wrapText(bar.label, BAR_LABEL_CHARS);
    const barY = y + lines.length * LINE_HEIGHT + 4;
    rows.push({ bar, lines, top: y, barY });
    y = barY + BAR_HEIGHT + BAR_GAP;
  }
  return { rows, height: Math.max(y - BAR_GAP + 2, LINE_HEIGHT) };
}

/** Horizontal bars, one per answer option or group, each with its share and, if given, its 95 % interval. */
export function ShareBarChart({
  id,
  title,
  bars,
  labels,
}: {
  id: string;
  title: string;
  bars: ChartBar[];
  labels: ChartLabels;
}) {
  const { rows, height } = layOutBars(bars);
  const textY = (barY: number) => barY + BAR_HEIGHT / 2 + FONT_SIZE * 0.35;

  return (
    <ChartFigure id={id} title={title} kind="bars" rows={bars} labels={labels} height={height}>
      {rows.map(({ bar, lines, top, barY }) => (
        <g key={bar.key} className="survey-chart-row">
          <text className="survey-chart-label" x={0} y={top + FONT_SIZE}>
            {lines.map((line, i) => (
              <tspan key={i} x={0} dy={i === 0 ? 0 : LINE_HEIGHT}>
                {line}
              </tspan>
            ))}
          </text>
          {bar.share === null ? (
            <text className="survey-chart-hidden" x={0} y={textY(barY)}>
              {labels.hidden}
            </text>
          ) : (
            <>
              <rect
                className="survey-chart-track"
                x={0}
                y={barY}
                width={BAR_TRACK_WIDTH}
                height={BAR_HEIGHT}
              />
              <rect
                className="survey-chart-bar"
                x={0}
                y={barY}
                width={round(clamp(bar.share) * BAR_TRACK_WIDTH)}
                height={BAR_HEIGHT}
              />
              {hasInterval(bar) ? (
                <Whisker
                  direction="horizontal"
                  from={round(clamp(bar.low!) * BAR_TRACK_WIDTH)}
                  to={round(clamp(bar.high!) * BAR_TRACK_WIDTH)}
                  at={barY + BAR_HEIGHT / 2}
                  cap={12}
                />
              ) : null}
              <text className="survey-chart-value" x={WIDTH} y={textY(barY)} textAnchor="end">
                {formatShare(bar.share)}
              </text>
            </>
          )}
        </g>
      ))}
    </ChartFigure>
  );
}

// Trend: y axis 0–100 % at the left, wave labels below, room above 100 % for a value label.
const TREND_HEIGHT = 240;
const PLOT_LEFT = 48;
const PLOT_RIGHT = WIDTH - 8;
const PLOT_TOP = 28;
const PLOT_BOTTOM = TREND_HEIGHT - 30;
const POINT_INSET = 20;
const Y_TICKS = [0, 0.25, 0.5, 0.75, 1];

/** Consecutive indexes whose share is known: each run becomes one line, nulls leave gaps. */
function runsOfKnown(points: readonly TrendPoint[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  points.forEach((point, i) => {
    if (point.share === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(i);
  });
  if (run.length) runs.push(run);
  return runs;
}

/** One indicator across survey waves: a line with gaps where a wave is hidden, 95 % intervals as whiskers. */
export function TrendChart({
  id,
  title,
  points,
  labels,
}: {
  id: string;
  title: string;
  points: TrendPoint[];
  labels: ChartLabels;
}) {
  const count = points.length;
  const first = PLOT_LEFT + POINT_INSET;
  const last = PLOT_RIGHT - POINT_INSET;
  const x = (i: number) =>
    round(count <= 1 ? (first + last) / 2 : first + (i * (last - first)) / (count - 1));
  const y = (share: number) => round(PLOT_BOTTOM - clamp(share) * (PLOT_BOTTOM - PLOT_TOP));

  // With many waves, label every step-th one, always including the latest; the table has them all.
  const slot = count <= 1 ? Infinity : (last - first) / (count - 1);
  const longest = Math.max(1, ...points.map((p) => p.label.length));
  const step = Math.max(1, Math.ceil((longest * CHAR_WIDTH + 8) / slot));
  const labelled = (i: number) => (count - 1 - i) % step === 0;

  return (
    <ChartFigure id={id} title={title} kind="trend" rows={points} labels={labels} height={TREND_HEIGHT}>
      <g className="survey-chart-y-axis">
        {Y_TICKS.map((tick) => (
          <g key={tick}>
            <line
              className={tick === 0 ? "survey-chart-axis" : "survey-chart-grid"}
              x1={PLOT_LEFT}
              x2={PLOT_RIGHT}
              y1={y(tick)}
              y2={y(tick)}
            />
            <text x={PLOT_LEFT - 6} y={y(tick) + FONT_SIZE * 0.35} textAnchor="end">
              {formatShare(tick)}
            </text>
          </g>
        ))}
      </g>
      {runsOfKnown(points)
        .filter((run) => run.length > 1)
        .map((run) => (
          <path
            key={points[run[0]!]!.key}
            className="survey-chart-line"
            d={run.map((i, j) => `${j === 0 ? "M" : "L"}${x(i)} ${y(points[i]!.share!)}`).join("")}
          />
        ))}
      {points.map((point, i) => (
        <g key={point.key} className="survey-chart-wave">
          {labelled(i) ? (
            <text x={x(i)} y={TREND_HEIGHT - 8} textAnchor="middle">
              {point.label}
            </text>
          ) : null}
          {point.share === null ? (
            // Said in words, turned to fit the narrow slot: a gap alone could look like a drawing fault.
            <text
              className="survey-chart-hidden"
              x={x(i)}
              y={(PLOT_TOP + PLOT_BOTTOM) / 2}
              textAnchor="middle"
              dominantBaseline="middle"
              transform={`rotate(-90 ${x(i)} ${(PLOT_TOP + PLOT_BOTTOM) / 2})`}
            >
              {labels.hidden}
            </text>
          ) : (
            <>
              {hasInterval(point) ? (
                <Whisker direction="vertical" from={y(point.low!)} to={y(point.high!)} at={x(i)} cap={10} />
              ) : null}
              <circle className="survey-chart-point" cx={x(i)} cy={y(point.share)} r={4.5} />
              {labelled(i) ? (
                <text
                  className="survey-chart-value"
                  x={x(i)}
                  y={Math.min(y(point.share), hasInterval(point) ? y(point.high!) : Infinity) - 8}
                  textAnchor="middle"
                >
                  {formatShare(point.share)}
                </text>
              ) : null}
            </>
          )}
        </g>
      ))}
    </ChartFigure>
  );
}
