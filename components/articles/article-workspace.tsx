"use client";
// An article's workspace: the editor, its authors, and the review (submit,
// comments, requests for changes, publishing). What each person may do is
// decided by the server (lib/articles/); the buttons only follow it.
import Link from "@/components/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { Alert, Badge, buttonClass } from "@/components/ui";
import type { ArticleStatus } from "@/lib/articles/rules";
import { ArticleEditor, type EditorArticle } from "./article-editor";

type Author = { userId: string | null; name: string };
/** `at` is `createdAt` as people read it, formatted by the server in the edition's zone (the same text on the server and in the browser) */
type Event = { id: string; actorName: string; kind: string; body: string; createdAt: string; at: string };

/** The remove button's mark: a symbol, the same in every language (its name is the button's aria-label). */
const REMOVE_MARK = "✕";

type Props = { article: EditorArticle; timezone: string; authors: Author[]; events: Event[]; organizer: boolean };

export function ArticleWorkspace({ article, timezone, authors: initialAuthors, events, organizer }: Props) {
  const router = useRouter();
  const t = useTranslations("write.workspace");
  const tl = useTranslations("labels");
  const flush = useRef<(() => Promise<boolean>) | null>(null);
  const [status, setStatus] = useState<{ status: ArticleStatus; pendingChanges: boolean }>({ status: article.status, pendingChanges: article.pendingChanges });
  const [authors, setAuthors] = useState(initialAuthors);
  const [guest, setGuest] = useState("");
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function saveAuthors(next: Author[]) {
    setError(null);
    const result = await fetchJson(`/api/articles/${article.id}/authors`, "PUT", {
      authors: next.map((a) => (a.userId ? { userId: a.userId } : { name: a.name })),
    });
    if (result.ok) setAuthors(next);
    else setError(result.message);
  }

  const move = (i: number, by: number) => {
    const next = [...authors];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    void saveAuthors(next);
  };

  async function review(action: "submit" | "comment" | "request-changes" | "publish" | "unpublish", success: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    // what was just typed goes first: one reviews and publishes what is on screen
    if (action !== "unpublish" && flush.current && !(await flush.current())) {
      setBusy(false);
      return setError(t("notSaved"));
    }
    const result = await fetchJson<{ status: ArticleStatus; pendingChanges: boolean }>(`/api/articles/${article.id}/review`, "POST", { action, comment });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setStatus({ status: result.data.status, pendingChanges: result.data.pendingChanges });
    setComment("");
    setDone(success);
    router.refresh(); // the history and the status, as the server now has them
  }

  // stable: the editor's autosave restarts its timer when this changes (a new arrow per render postponed saving while one typed a comment)
  const onStatus = useCallback((s: ArticleStatus, pendingChanges: boolean) => setStatus({ status: s, pendingChanges }), []);
  const live = article.published !== null || status.status === "PUBLISHED";
  const reviewable = status.status === "IN_REVIEW";
  return (
    <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
      <ArticleEditor article={article} timezone={timezone} flushRef={flush} onStatus={onStatus} />
      <aside className="space-y-6">
        <section aria-labelledby="review-heading" className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-slate-200">
          <h2 id="review-heading" className="font-bold">
            {t("review")}
          </h2>
          <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="article-status">
            <Badge tone={status.status === "PUBLISHED" ? "green" : status.status === "IN_REVIEW" ? "amber" : "slate"}>
              {tl(`articleStatus.${status.status}`)}
            </Badge>
            {status.pendingChanges && <span>{t("pendingChanges")}</span>}
          </p>
          {article.published && (
            <p className="text-sm">
              <Link href={`/articles/${article.published.slug}`} className="font-semibold text-indigo-800 underline">
                {t("seePublished")}
              </Link>
            </p>
          )}
          {error && <Alert>{error}</Alert>}
          {done && <Alert tone="success">{done}</Alert>}
          <label className="block text-sm font-semibold">
            {t("comment")}
            <textarea
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={3}
              maxLength={4000}
              className="mt-1 block w-full rounded-lg px-3 py-2 ring-1 ring-slate-300"
            />
          </label>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              disabled={busy || !comment.trim()}
              className={buttonClass("secondary")}
              onClick={() => void review("comment", t("commentAdded"))}
            >
              {t("commentButton")}
            </button>
            {!reviewable && (status.status !== "PUBLISHED" || status.pendingChanges) && (
              <button type="button" disabled={busy} className={buttonClass("primary")} onClick={() => void review("submit", t("submitted"))}>
                {t("submit")}
              </button>
            )}
            {organizer && (
              <>
                {(status.status !== "PUBLISHED" || status.pendingChanges) && (
                  <button type="button" disabled={busy} className={buttonClass("primary")} onClick={() => void review("publish", t("published"))}>
                    {live ? t("publishChanges") : t("publish")}
                  </button>
                )}
                {reviewable && (
                  <button
                    type="button"
                    disabled={busy || !comment.trim()}
                    className={buttonClass("secondary")}
                    onClick={() => void review("request-changes", t("changesRequested"))}
                  >
                    {t("requestChanges")}
                  </button>
                )}
                {live && (
                  <button type="button" disabled={busy} className={buttonClass("danger")} onClick={() => void review("unpublish", t("unpublished"))}>
                    {t("unpublish")}
                  </button>
                )}
              </>
            )}
          </div>
          {events.length > 0 && (
            <ol className="space-y-2 border-t border-slate-200 pt-3 text-sm" aria-label={t("history")}>
              {events.map((e) => (
                <li key={e.id}>
                  <p>
                    <span className="font-semibold">{e.actorName}</span> {t("event", { kind: e.kind })}{" "}
                    <time dateTime={e.createdAt} className="text-slate-600">
                      {e.at}
                    </time>
                  </p>
                  {e.body && <p className="whitespace-pre-wrap text-slate-800">{e.body}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="authors-heading" className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-slate-200">
          <h2 id="authors-heading" className="font-bold">
            {t("authors")}
          </h2>
          <ol className="space-y-1 text-sm">
            {authors.map((a, i) => (
              <li key={`${a.userId ?? a.name}`} className="flex items-center gap-1">
                <span className="flex-1">
                  {a.name}
                  {!a.userId && <span className="text-slate-600"> {t("guest")}</span>}
                </span>
                <button
                  type="button"
                  className="rounded px-2 py-1 ring-1 ring-slate-300 disabled:opacity-40"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t("moveUp", { name: a.name })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="rounded px-2 py-1 ring-1 ring-slate-300 disabled:opacity-40"
                  disabled={i === authors.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t("moveDown", { name: a.name })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="rounded px-2 py-1 text-red-800 ring-1 ring-slate-300 disabled:opacity-40"
                  disabled={authors.length === 1}
                  onClick={() => void saveAuthors(authors.filter((_, j) => j !== i))}
                  aria-label={t("remove", { name: a.name })}
                >
                  {REMOVE_MARK}
                </button>
              </li>
            ))}
          </ol>
          <form
            className="flex items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (guest.trim().length < 2) return setError(t("guestNameMissing"));
              void saveAuthors([...authors, { userId: null, name: guest.trim() }]).then(() => setGuest(""));
            }}
          >
            <label className="flex-1 text-sm font-semibold">
              {t("addGuest")}
              <input
                value={guest}
                onChange={(e) => setGuest(e.target.value)}
                maxLength={80}
                className="mt-1 block w-full rounded-lg px-3 py-2 ring-1 ring-slate-300"
              />
            </label>
            <button type="submit" className={buttonClass("secondary")}>
              {t("add")}
            </button>
          </form>
        </section>
      </aside>
    </div>
  );
}
