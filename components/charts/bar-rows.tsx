// Horizontal bars, one row per item with its label above (long team names fit
// a phone), stacked by series: visx's scales and shapes, drawn on the server.
import { Bar } from "@visx/shape";
import { scaleLinear } from "@visx/scale";
import type { BarChart } from "@/lib/insights/rules";
import { CHART_WIDTH, ChartFigure, RowLabel, SERIES_FILLS } from "./chart-figure";

const LABEL = 16;
const BAR = 14;
const GAP = 10;
const ROW = LABEL + BAR + GAP;

export function BarRows({ id, chart }: { id: string; chart: BarChart }) {
  const max = Math.max(1, ...chart.rows.map((row) => row.values.reduce((sum, v) => sum + Math.max(0, v), 0)));
  const x = scaleLinear({ domain: [0, max], range: [0, CHART_WIDTH] });
  const height = Math.max(ROW, chart.rows.length * ROW);
  return (
    <ChartFigure id={id} chart={chart} height={height} legend={chart.series.map((s) => s.label)}>
      {chart.rows.map((row, i) => {
        const top = i * ROW;
        let start = 0;
        return (
          <g key={i} aria-hidden="true">
            <RowLabel top={top} label={row.label} note={row.note} />
            <rect x={0} y={top + LABEL} width={CHART_WIDTH} height={BAR} className="fill-slate-100" />
            {row.values.map((value, j) => {
              const width = x(Math.max(0, value));
              const bar = (
                <Bar
                  key={j}
                  x={x(start)}
                  y={top + LABEL}
                  width={Math.max(0, width - (width > 2 ? 1 : 0))}
                  height={BAR}
                  className={SERIES_FILLS[j % SERIES_FILLS.length]}
                />
              );
              start += Math.max(0, value);
              return bar;
            })}
          </g>
        );
      })}
    </ChartFigure>
  );
}
