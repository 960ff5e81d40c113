// Lines over an ordered x (editions), one per series, each point marked and
// the last one labelled with its value. visx's scales, line path and axes,
// drawn on the server.
import { AxisBottom, AxisLeft } from "@visx/axis";
import { scaleLinear, scalePoint } from "@visx/scale";
import { LinePath } from "@visx/shape";
import type { LineChart } from "@/lib/insights/rules";
import { useSay } from "@/components/say";
import { CHART_WIDTH, ChartFigure, SERIES_FILLS, SERIES_STROKES } from "./chart-figure";

const HEIGHT = 210;
const LEFT = 34;
const RIGHT = 28;
const TOP = 10;
const BOTTOM = 48;

const tickLabel = { fill: "currentColor", fontSize: 11, fontFamily: "inherit" } as const;

export function Lines({ id, chart }: { id: string; chart: LineChart }) {
  const max = Math.max(1, ...chart.series.flatMap((s) => s.points.map((p) => p.y)));
  const xs = chart.series.flatMap((s) => s.points.map((p) => p.x));
  // labelled x values (editions) sit at even steps; plain numbers (rounds) on a linear axis
  const x = chart.xLabels.length
    ? scalePoint({ domain: chart.xLabels.map((l) => l.x), range: [LEFT, CHART_WIDTH - RIGHT], padding: 0.3 })
    : scaleLinear({ domain: [Math.min(0, ...xs), Math.max(1, ...xs)], range: [LEFT, CHART_WIDTH - RIGHT], nice: true });
  const y = scaleLinear({ domain: [0, max], range: [HEIGHT - BOTTOM, TOP], nice: true });
  const say = useSay();
  const labelOf = new Map(chart.xLabels.map((l) => [l.x, say(l.label)]));
  return (
    <ChartFigure id={id} chart={chart} height={HEIGHT} legend={chart.series.map((s) => s.label)}>
      <g aria-hidden="true">
        <AxisLeft left={LEFT} scale={y} numTicks={4} stroke="currentColor" tickStroke="currentColor" tickLabelProps={{ ...tickLabel, textAnchor: "end" }} />
        <AxisBottom
          top={HEIGHT - BOTTOM}
          scale={x}
          stroke="currentColor"
          tickStroke="currentColor"
          numTicks={chart.xLabels.length ? undefined : 5}
          tickFormat={(value) => labelOf.get(Number(value)) ?? String(value)}
          tickLabelProps={{ ...tickLabel, textAnchor: "middle" }}
          label={say(chart.axis)}
          labelProps={{ ...tickLabel, textAnchor: "middle" }}
          labelOffset={12}
        />
        {chart.series.map((series, i) => (
          <g key={series.key}>
            <LinePath
              data={series.points}
              x={(p) => x(p.x) ?? 0}
              y={(p) => y(p.y)}
              strokeWidth={2.5}
              fill="none"
              className={SERIES_STROKES[i % SERIES_STROKES.length]}
            />
            {series.points.length <= 20 &&
              series.points.map((p) => <circle key={p.x} cx={x(p.x) ?? 0} cy={y(p.y)} r={3.5} className={SERIES_FILLS[i % SERIES_FILLS.length]} />)}
            {series.points.length > 0 && (
              <text
                x={(x(series.points[series.points.length - 1].x) ?? 0) + 6}
                y={y(series.points[series.points.length - 1].y) + 4}
                className="fill-current text-[11px] font-semibold"
              >
                {series.points[series.points.length - 1].y}
              </text>
            )}
          </g>
        ))}
      </g>
    </ChartFigure>
  );
}
