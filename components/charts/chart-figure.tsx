// Every chart's frame: a figure named by its caption, the picture as an SVG
// image named by the same title and described in words (its text
// alternative), a legend in HTML, and the numbers as a table one click away.
// Charts are drawn on the server (no script on the page) at a phone's width
// and scale up with the page: one drawing reads on a 390 px phone and, larger,
// on a projector. Colours are the palette's, so the dark theme turns them too.
// A chart's words are lib/'s messages (lib/insights/rules.ts), said here in the
// reader's language; people's words (team names) pass unchanged.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ChartText } from "@/lib/insights/rules";
import { useSay } from "@/components/say";

/** The drawing's width in SVG units: a phone's, so text keeps its size there. */
export const CHART_WIDTH = 360;

/** Fill classes of the series, in order: each at least 3:1 on the page, in both themes. */
export const SERIES_FILLS = ["fill-indigo-600", "fill-amber-600", "fill-emerald-600", "fill-purple-600", "fill-red-600", "fill-blue-600"];
export const SERIES_STROKES = ["stroke-indigo-600", "stroke-amber-600", "stroke-emerald-600", "stroke-purple-600", "stroke-red-600", "stroke-blue-600"];
const SERIES_SWATCHES = ["bg-indigo-600", "bg-amber-600", "bg-emerald-600", "bg-purple-600", "bg-red-600", "bg-blue-600"];

type Props = {
  /** unique on the page: the ids of the title and description derive from it */
  id: string;
  chart: ChartText;
  height: number;
  legend?: string[];
  children: ReactNode;
};

export function ChartFigure({ id, chart, height, legend, children }: Props) {
  // a hook, not getTranslations: charts are drawn by server components and by client ones (a replay) alike
  const t = useTranslations("charts");
  const say = useSay();
  const title = say(chart.title);
  const description = say(chart.description);
  return (
    // named by the title alone: the description may name people (a bot "Your bot"), and labels are matched by their words
    <figure aria-labelledby={`${id}-name`} className="space-y-2" data-chart={id}>
      <figcaption>
        <span id={`${id}-name`} className="block font-semibold">
          {title}
        </span>
        <span className="block text-sm text-slate-700">{description}</span>
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        className="h-auto w-full max-w-xl text-slate-800"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      {legend && legend.length > 1 && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800" aria-label={t("legend")}>
          {legend.map((label, i) => (
            <li key={i} className="flex items-center gap-1.5">
              <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${SERIES_SWATCHES[i % SERIES_SWATCHES.length]}`} />
              {say(label)}
            </li>
          ))}
        </ul>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer font-semibold text-indigo-800">{t("numbers")}</summary>
        {/* focusable: on a phone the table may scroll sideways, and keyboards must reach it */}
        <div className="mt-2 relative overflow-x-auto" tabIndex={0}>
          <table className="min-w-full text-left">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                {chart.numbers.columns.map((column, i) => (
                  <th key={i} scope="col" className="px-2 py-1 font-semibold">
                    {say(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.numbers.rows.map((row, i) => (
                <tr key={i} className="border-b border-slate-100">
                  {row.map((cell, j) =>
                    j === 0 ? (
                      <th key={j} scope="row" className="px-2 py-1 font-normal">
                        {typeof cell === "string" ? say(cell) : cell}
                      </th>
                    ) : (
                      <td key={j} className="px-2 py-1 tabular-nums">
                        {typeof cell === "string" ? say(cell) : cell}
                      </td>
                    ),
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

/** A row's name on the left and its figure on the right, above the row's mark (lib/'s messages, or people's words). */
export function RowLabel({ top, label, note }: { top: number; label: string; note: string }) {
  const say = useSay();
  return (
    <>
      <text x={0} y={top + 12} className="fill-current text-[12px]">
        {say(label)}
      </text>
      <text x={CHART_WIDTH} y={top + 12} textAnchor="end" className="fill-current text-[12px] font-semibold">
        {say(note)}
      </text>
    </>
  );
}
