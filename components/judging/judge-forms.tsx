"use client";
// The judge's forms, phone-first: big targets, one hand. Each carries the
// judge's next sequence number, so a second tap or a second tab is refused
// by the server rather than counted twice.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { useEventStream } from "../live/use-event-stream";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SubmitButton, TextArea } from "../form";
import { buttonClass, cx } from "../ui";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
type Team = { id: string; name: string };

function NotesAndStar({ state, scope }: { state: FormState; scope: string }) {
  const t = useTranslations("judge.forms");
  const starred = state.values ? state.values.starred === "on" : false;
  return (
    <>
      <TextArea name="notes" scope={scope} label={t("notes")} rows={3} maxLength={2000} state={state} />
      <label className="flex min-h-11 items-center gap-3 text-base">
        <input type="checkbox" name="starred" defaultChecked={starred} key={String(starred)} className="size-6" />
        <span>{t("star")}</span>
      </label>
    </>
  );
}

/** Pairwise: which of the two is better (or, for the first team, that the judge has seen it). */
export function CompareForm({ action, sequence, current, next }: { action: Action; sequence: number; current: Team | null; next: Team }) {
  const t = useTranslations("judge.forms");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="sequence" value={sequence} />
      <input type="hidden" name="teamId" value={next.id} />
      <input type="hidden" name="kind" value={current ? "PAIR" : "SEEN"} />
      <FormMessage state={state} />
      <NotesAndStar state={state} scope={`pair-${sequence}`} />
      {current ? (
        <fieldset className="space-y-3">
          <legend className="text-lg font-bold">{t("whichBetter")}</legend>
          <button type="submit" name="preferredId" value={next.id} className={buttonClass("primary", "min-h-14 w-full text-lg")}>
            {t.rich("thisOne", { name: next.name, muted: (chunks) => <span className="font-normal">{chunks}</span> })}
          </button>
          <button type="submit" name="preferredId" value={current.id} className={buttonClass("secondary", "min-h-14 w-full text-lg")}>
            {t.rich("oneBefore", { name: current.name, muted: (chunks) => <span className="font-normal">{chunks}</span> })}
          </button>
        </fieldset>
      ) : (
        <SubmitButton className="min-h-14 w-full text-lg">{t("seen", { name: next.name })}</SubmitButton>
      )}
    </form>
  );
}

/** Ranking tracks: the team the judge has just seen. */
export function SeenForm({ action, sequence, team }: { action: Action; sequence: number; team: Team }) {
  const t = useTranslations("judge.forms");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="sequence" value={sequence} />
      <input type="hidden" name="teamId" value={team.id} />
      <input type="hidden" name="kind" value="SEEN" />
      <FormMessage state={state} />
      <NotesAndStar state={state} scope={`seen-${sequence}`} />
      <SubmitButton className="min-h-14 w-full text-lg">{t("seen", { name: team.name })}</SubmitButton>
    </form>
  );
}

export type RubricCriterion = { id: string; name: string; description: string; weight: number; scale: number };

/** Rubric tracks: one score per criterion, as large radio buttons. */
export function RubricForm({ action, sequence, team, criteria }: { action: Action; sequence: number; team: Team; criteria: RubricCriterion[] }) {
  const t = useTranslations("judge.forms");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="sequence" value={sequence} />
      <input type="hidden" name="teamId" value={team.id} />
      <input type="hidden" name="kind" value="RUBRIC" />
      <FormMessage state={state} />
      {criteria.map((c) => {
        const chosen = state.values?.[`score.${c.id}`];
        return (
          <fieldset key={c.id} className="space-y-1">
            <legend className="font-semibold">
              {c.name} <span className="text-sm font-normal text-slate-600">{t("criterionScale", { weight: c.weight, scale: c.scale })}</span>
            </legend>
            {c.description && <p className="text-sm text-slate-600">{c.description}</p>}
            <div className={cx("grid gap-1", c.scale === 5 ? "grid-cols-5" : "grid-cols-5 sm:grid-cols-10")}>
              {Array.from({ length: c.scale }, (_, i) => i + 1).map((v) => (
                <label
                  key={v}
                  className="flex min-h-11 cursor-pointer items-center justify-center rounded-lg ring-1 ring-slate-300 has-[:checked]:bg-indigo-700 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-600"
                >
                  <input type="radio" name={`score.${c.id}`} value={v} defaultChecked={chosen === String(v)} className="sr-only" />
                  {v}
                </label>
              ))}
            </div>
            {state.fieldErrors?.[`score.${c.id}`] && <p className="text-sm font-medium text-red-700">{state.fieldErrors[`score.${c.id}`]![0]}</p>}
          </fieldset>
        );
      })}
      <NotesAndStar state={state} scope={`rubric-${sequence}`} />
      <SubmitButton className="min-h-14 w-full text-lg">{t("saveScores", { name: team.name })}</SubmitButton>
    </form>
  );
}

/** Ranking tracks: the teams seen, put in order with buttons (no dragging: works by keyboard and one thumb). */
export function OrderForm({ action, sequence, teams }: { action: Action; sequence: number; teams: Team[] }) {
  const t = useTranslations("judge.forms");
  const [state, formAction] = useActionState(action, {});
  // a refresh (another judge's judgment) hands new props but keeps this state: the order being arranged stays
  // (the page remounts the form, by its key, when the teams seen change)
  const [order, setOrder] = useState(teams);
  const move = (i: number, by: number) =>
    setOrder((o) => {
      const next = [...o];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="sequence" value={sequence} />
      <input type="hidden" name="kind" value="RANKING" />
      <FormMessage state={state} />
      <ol className="space-y-2" aria-label={t("orderLabel")}>
        {order.map((team, i) => (
          <li key={team.id} className="flex items-center gap-2 rounded-lg bg-white p-2 ring-1 ring-slate-200">
            <input type="hidden" name="order" value={team.id} />
            <span className="w-6 text-right font-bold">{i + 1}.</span>
            <span className="flex-1">{team.name}</span>
            <button
              type="button"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              className={buttonClass("ghost", "min-h-11 min-w-11")}
              aria-label={t("moveUp", { name: team.name })}
            >
              ↑
            </button>
            <button
              type="button"
              disabled={i === order.length - 1}
              onClick={() => move(i, 1)}
              className={buttonClass("ghost", "min-h-11 min-w-11")}
              aria-label={t("moveDown", { name: team.name })}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <SubmitButton variant="secondary" className="w-full">
        {t("saveOrder")}
      </SubmitButton>
    </form>
  );
}

/** Reads the page again when judging changes (another judge, an organizer's pause): the edition's live stream says when. */
export function JudgingRefresh({ editionSlug }: { editionSlug: string }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEventStream(`/api/editions/${editionSlug}/live`, {
    judging: () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => router.refresh(), 300);
    },
  });
  return null;
}
