import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  type ChartBar,
  SWEDISH_CHART_LABELS,
  ShareBarChart,
  TrendChart,
  type TrendPoint,
} from "./survey-charts";

const labels = SWEDISH_CHART_LABELS;

function renderBars(bars: ChartBar[], title = "Känner sig trygga i sitt bostadsområde") {
  return renderToStaticMarkup(<ShareBarChart id="safety" title={title} bars={bars} labels={labels} />);
}

function renderTrend(points: TrendPoint[]) {
  return renderToStaticMarkup(
    <TrendChart
      id="trend"
      title="Trygg ute sent på kvällen"
      points={points}
      labels={{ ...labels, group: "År" }}
    />,
  );
}

/** The markup between the first `<tag` and its `</tag>`. */
function part(html: string, tag: string) {
  const start = html.indexOf(`<${tag}`);
  const end = html.indexOf(`</${tag}>`, start);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, end + tag.length + 3);
}

const widths = (html: string, className: string) =>
  [...html.matchAll(new RegExp(`<rect class="${className}"[^>]*? width="([\\d.]+)"`, "g"))].map((m) =>
    Number(m[1]),
  );

const bars: ChartBar[] = [
  { key: "very", label: "Mycket trygg", share: 0.5, low: 0.45, high: 0.55, n: 412 },
  { key: "fairly", label: "Ganska trygg", share: 0.34, low: 0.29, high: 0.4, n: 1234 },
  { key: "not", label: "Inte trygg", share: null, low: 0.01, high: 0.2, n: 7 },
];

describe("share bar chart", () => {
  it("draws each bar as long as its share of the full track", () => {
    const html = renderBars(bars);
    const [track] = widths(html, "survey-chart-track");
    expect(track).toBeGreaterThan(0);
    expect(widths(html, "survey-chart-bar")).toEqual([track! * 0.5, track! * 0.34]);
  });

  it("labels each bar in whole percent the Swedish way, with its interval and answers in the table", () => {
    const html = renderBars(bars);
    expect(part(html, "svg")).toContain("34\u00a0%");
    const table = part(html, "table");
    expect(table).toContain('<td class="numeric">34\u00a0%</td>');
    expect(table).toContain("29–40\u00a0%");
    expect(table).toContain("1\u00a0234");
    expect(table).toContain('<th scope="col">95 % konfidensintervall</th>');
  });

  it("shows a hidden bar as words, in the chart and the table, and never a number", () => {
    const html = renderBars(bars);
    const svgRows = part(html, "svg").split('<g class="survey-chart-row">');
    const hiddenInSvg = svgRows.find((row) => row.includes("Inte trygg"))!;
    expect(hiddenInSvg).toContain("för få svar");
    expect(hiddenInSvg).not.toContain("survey-chart-bar");
    expect(hiddenInSvg.replace(/<[^>]*>/g, "")).not.toMatch(/\d/);

    const hiddenRow = part(html, "table")
      .split("<tr>")
      .find((row) => row.includes("Inte trygg"))!;
    expect(hiddenRow).toContain("för få svar");
    expect(hiddenRow.replace(/<[^>]*>/g, "")).not.toMatch(/\d/);
  });

  it("leaves out interval and answer columns when no bar has them", () => {
    const table = part(renderBars([{ key: "a", label: "Ja", share: 0.8 }]), "table");
    expect(table).not.toContain("konfidensintervall");
    expect(table).not.toContain("Antal svar");
    expect(table).toContain("80\u00a0%");
  });

  it("escapes label text rather than running it", () => {
    const html = renderBars(
      [{ key: "x", label: "<script>alert(1)</script>", share: 0.2 }],
      'Titel "med" <b>fet</b>',
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("names its image for screen readers and keeps the same numbers in a real table", () => {
    const html = renderBars(bars);
    const svg = part(html, "svg");
    expect(svg).toMatch(/^<svg[^>]* role="img"/);
    expect(svg).toContain('aria-labelledby="safety-title"');
    expect(svg).toContain('<title id="safety-title">Känner sig trygga i sitt bostadsområde</title>');
    expect(svg).toMatch(/viewBox="0 0 360 \d+"/);
    const table = part(html, "table");
    expect(table).toContain("<caption>Känner sig trygga i sitt bostadsområde</caption>");
    expect(table).toContain('<th scope="col">Svarsalternativ</th>');
    expect(part(html, "details")).toContain("<summary>Visa som tabell</summary>");
  });

  it("wraps a long label onto more lines instead of running off the edge", () => {
    const label = "Mycket eller ganska trygg när man går ensam ute sent en kväll i sitt eget bostadsområde";
    const svg = part(renderBars([{ key: "long", label, share: 0.6 }]), "svg");
    const lines = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(label);
  });
});

describe("trend chart", () => {
  const points: TrendPoint[] = [
    { key: "2020", label: "2020", share: 0.62, low: 0.58, high: 0.66, n: 800 },
    { key: "2021", label: "2021", share: 0.64 },
    { key: "2022", label: "2022", share: null, n: 9 },
    { key: "2023", label: "2023", share: 0.7, low: 0.65, high: 0.75, n: 750 },
    { key: "2024", label: "2024", share: 0.71, low: 0.66, high: 0.76, n: 760 },
  ];

  it("breaks the line where a wave is hidden and says why", () => {
    const html = renderTrend(points);
    const svg = part(html, "svg");
    expect(svg.match(/class="survey-chart-line"/g)).toHaveLength(2);
    expect(svg).toContain("för få svar");
    expect(svg.match(/<circle /g)).toHaveLength(4);
    const hiddenRow = part(html, "table")
      .split("<tr>")
      .find((row) => row.includes(">2022<"))!;
    expect(hiddenRow).toContain("för få svar");
    expect(hiddenRow.replace(/<[^>]*>/g, "").replace("2022", "")).not.toMatch(/\d/);
  });

  it("has a 0–100 % axis, the waves below it and the intervals in the table", () => {
    const html = renderTrend(points);
    const svg = part(html, "svg");
    expect(svg).toContain(">0\u00a0%</text>");
    expect(svg).toContain(">100\u00a0%</text>");
    expect(svg).toContain(">2024</text>");
    expect(svg).toContain(">71\u00a0%</text>");
    expect(part(html, "table")).toContain("66–76\u00a0%");
    expect(part(html, "table")).toContain('<th scope="col">År</th>');
  });

  it("keeps the latest wave labelled when there are too many to label them all", () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      key: `w${i}`,
      label: `Våren ${2005 + i}`,
      share: 0.5,
    }));
    const svg = part(renderTrend(many), "svg");
    expect(svg).toContain(">Våren 2024</text>");
    expect(svg.match(/>Våren \d{4}<\/text>/g)!.length).toBeLessThan(20);
  });

  it("names its image and gives each chart on a page its own ids", () => {
    const html = renderToStaticMarkup(
      <>
        <TrendChart id="a" title="A" points={points} labels={labels} />
        <TrendChart id="b" title="B" points={points} labels={labels} />
      </>,
    );
    expect(html).toContain('role="img" aria-labelledby="a-title"');
    expect(html).toContain('<title id="b-title">B</title>');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
