// A square grid of rows against columns (head to head): rows are named on the
// left with a number, columns carry the same numbers, each cell its text on a
// shade of its share. Drawn on the server.
import type { GridChart } from "@/lib/insights/rules";
import { useSay } from "@/components/say";
import { CHART_WIDTH, ChartFigure } from "./chart-figure";

const NAMES = 120;
const HEADER = 18;

/** Shades of the share, light to dark; the text on each keeps 4.5:1. */
const SHADES = [
  { fill: "fill-indigo-50", text: "fill-indigo-950" },
  { fill: "fill-indigo-200", text: "fill-indigo-950" },
  { fill: "fill-indigo-400", text: "fill-white" },
  { fill: "fill-indigo-600", text: "fill-white" },
  { fill: "fill-indigo-800", text: "fill-white" },
];

/** "3. Team name", cut to fit the left margin: a number and data, no words of the interface. */
const rowName = (i: number, label: string) => `${i + 1}. ${label.length > 16 ? `${label.slice(0, 15)}…` : label}`;

export function Grid({ id, chart }: { id: string; chart: GridChart }) {
  const n = chart.labels.length;
  const cell = Math.min(40, (CHART_WIDTH - NAMES) / Math.max(1, n));
  const height = HEADER + n * cell + 2;
  const shade = (share: number) => SHADES[Math.min(SHADES.length - 1, Math.floor(share * SHADES.length))];
  const fontSize = Math.max(7, Math.min(11, cell / 3.2));
  const say = useSay();
  return (
    <ChartFigure id={id} chart={chart} height={height}>
      <g aria-hidden="true">
        {chart.labels.map((label, i) => (
          <g key={i}>
            <text x={NAMES + i * cell + cell / 2} y={12} textAnchor="middle" className="fill-current text-[11px] font-semibold">
              {i + 1}
            </text>
            <text x={NAMES - 6} y={HEADER + i * cell + cell / 2 + 4} textAnchor="end" className="fill-current text-[11px]">
              {rowName(i, say(label))}
            </text>
          </g>
        ))}
        {chart.cells.map((row, i) =>
          row.map((value, j) => {
            const x = NAMES + j * cell;
            const y = HEADER + i * cell;
            if (!value) return <rect key={`${i}-${j}`} x={x + 1} y={y + 1} width={cell - 2} height={cell - 2} className="fill-slate-100" />;
            const { fill, text } = shade(value.share);
            return (
              <g key={`${i}-${j}`}>
                <rect x={x + 1} y={y + 1} width={cell - 2} height={cell - 2} rx={2} className={fill} />
                <text x={x + cell / 2} y={y + cell / 2 + fontSize / 3} textAnchor="middle" fontSize={fontSize} className={text}>
                  {say(value.text)}
                </text>
              </g>
            );
          }),
        )}
      </g>
    </ChartFigure>
  );
}
