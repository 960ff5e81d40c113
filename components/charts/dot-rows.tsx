// Rows on a shared axis, each a range and a point: ratings with their
// uncertainty, the minutes each team took. visx's scale and axis, drawn on
// the server.
import { AxisBottom } from "@visx/axis";
import { scaleLinear } from "@visx/scale";
import type { DotChart } from "@/lib/insights/rules";
import { useSay } from "@/components/say";
import { CHART_WIDTH, ChartFigure, RowLabel } from "./chart-figure";

const LABEL = 16;
const MARK = 12;
const GAP = 8;
const ROW = LABEL + MARK + GAP;
const AXIS = 50;
const SIDE = 8;

export function DotRows({ id, chart }: { id: string; chart: DotChart }) {
  const x = scaleLinear({ domain: chart.domain, range: [SIDE, CHART_WIDTH - SIDE], nice: true });
  const rowsHeight = Math.max(ROW, chart.rows.length * ROW);
  const say = useSay();
  return (
    <ChartFigure id={id} chart={chart} height={rowsHeight + AXIS}>
      {chart.rows.map((row, i) => {
        const top = i * ROW;
        const middle = top + LABEL + MARK / 2;
        return (
          <g key={i} aria-hidden="true">
            <RowLabel top={top} label={row.label} note={row.note} />
            <line x1={x(row.low)} x2={x(row.high)} y1={middle} y2={middle} strokeWidth={4} strokeLinecap="round" className="stroke-indigo-500" />
            <circle cx={x(row.value)} cy={middle} r={5} strokeWidth={1.5} className="fill-indigo-900 stroke-white" />
          </g>
        );
      })}
      <g aria-hidden="true">
        <AxisBottom
          top={rowsHeight}
          scale={x}
          numTicks={5}
          stroke="currentColor"
          tickStroke="currentColor"
          tickLabelProps={{ fill: "currentColor", fontSize: 11, fontFamily: "inherit", textAnchor: "middle" }}
          label={say(chart.axis)}
          labelProps={{ fill: "currentColor", fontSize: 11, fontFamily: "inherit", textAnchor: "middle" }}
          labelOffset={10}
        />
      </g>
    </ChartFigure>
  );
}
