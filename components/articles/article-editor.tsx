"use client";
// The article editor: the working copy on the left, the preview on the right
// (rendered by the server with the very function that renders the published
// page), saved as you type. Nothing typed is lost: every change is kept in
// this browser at once, sent to the server a second after typing stops, sent
// as a beacon when the tab closes, and retried when the network comes back;
// a co-author's save in between is detected, never overwritten.
import { useCallback, useEffect, useRef, useState, type ClipboardEvent, type DragEvent, type MutableRefObject } from "react";
import { useLocale, useTranslations } from "next-intl";
import { fetchJson } from "@/components/fetch-json";
import { Alert, Badge, buttonClass } from "@/components/ui";
import { MAX_TAGS, type ArticleStatus } from "@/lib/articles/rules";
import { formatTime } from "@/lib/platform/time";

export type EditorArticle = {
  id: string;
  title: string;
  slug: string;
  summary: string;
  body: string;
  tags: string[];
  coverFile: string | null;
  coverAlt: string;
  version: number;
  status: ArticleStatus;
  pendingChanges: boolean;
  published: { slug: string } | null;
};

type Draft = { title: string; slug: string; summary: string; body: string; tags: string; coverFile: string | null; coverAlt: string };
type SaveState = "saved" | "unsaved" | "saving" | "offline" | "conflict";
type Preview = { html: string; readingMinutes: number; words: number };
type Backup = { draft: Draft; baseVersion: number; at: number };

const SAVE_AFTER_MS = 1_000;
const PREVIEW_AFTER_MS = 350;
const RETRY_MS = 5_000;

const toDraft = (a: EditorArticle): Draft => ({
  title: a.title,
  slug: a.slug,
  summary: a.summary,
  body: a.body,
  tags: a.tags.join(", "),
  coverFile: a.coverFile,
  coverAlt: a.coverAlt,
});
const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);
const backupKey = (id: string) => `hexathon:article:${id}`;
const tagList = (tags: string) =>
  tags
    .split(/[,\n]/)
    .map((t) => t.trim())
    .filter(Boolean);

const field = "mt-1 block w-full rounded-lg bg-white px-3 py-2 text-base ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600";

type Props = {
  article: EditorArticle;
  /** the edition's timezone: "Saved at 14:34:57" is read on the edition's clock, as every other time */
  timezone: string;
  /** set to the editor's save, so that submitting or publishing first saves what was just typed */
  flushRef: MutableRefObject<(() => Promise<boolean>) | null>;
  onStatus?: (status: ArticleStatus, pendingChanges: boolean) => void;
};

export function ArticleEditor({ article, timezone, flushRef, onStatus }: Props) {
  const t = useTranslations("write.editor");
  const locale = useLocale();
  const [draft, setDraft] = useState<Draft>(() => toDraft(article));
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [uploading, setUploading] = useState(false);
  const version = useRef(article.version);
  const saved = useRef<Draft>(toDraft(article));
  const latest = useRef(draft);
  const inFlight = useRef<Promise<void> | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const published = article.published !== null;
  useEffect(() => {
    latest.current = draft;
  }, [draft]);

  // a copy left in this browser by a tab closed before it could save: take it back
  useEffect(() => {
    const raw = localStorage.getItem(backupKey(article.id));
    if (!raw) return;
    try {
      const backup = JSON.parse(raw) as Backup;
      if (backup.baseVersion === article.version && !sameDraft(backup.draft, toDraft(article))) {
        // this browser's storage is only readable after hydration: the restored copy replaces the server's once, here
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setDraft(backup.draft);
        setSaveState("unsaved");
        setRestored(true);
      } else localStorage.removeItem(backupKey(article.id));
    } catch {
      localStorage.removeItem(backupKey(article.id));
    }
  }, [article]);

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      await inFlight.current;
      if (sameDraft(latest.current, saved.current)) return;
    }
    const sending = latest.current;
    if (sameDraft(sending, saved.current)) return;
    const run = (async () => {
      setSaveState("saving");
      const result = await fetchJson<{ version: number; status: ArticleStatus; pendingChanges: boolean; updatedAt: string }>(
        `/api/articles/${article.id}`,
        "PATCH",
        {
          ...sending,
          slug: published ? undefined : sending.slug,
          tags: tagList(sending.tags),
          version: version.current,
        },
      );
      if (result.ok) {
        version.current = result.data.version;
        saved.current = sending;
        setSavedAt(new Date(result.data.updatedAt));
        setMessage(null);
        onStatus?.(result.data.status, result.data.pendingChanges);
        if (sameDraft(latest.current, sending)) {
          localStorage.removeItem(backupKey(article.id));
          setSaveState("saved");
        } else setSaveState("unsaved");
      } else if (result.offline) {
        setSaveState("offline");
      } else if (result.code === "CONFLICT" && !result.field) {
        // a co-author saved first (a taken address is a conflict too, but of the address field)
        setSaveState("conflict");
        setMessage(result.message);
      } else {
        setSaveState("unsaved");
        setMessage(result.message);
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
  }, [article.id, published, onStatus]);

  useEffect(() => {
    flushRef.current = async () => {
      await save();
      return sameDraft(latest.current, saved.current);
    };
  }, [flushRef, save]);

  // every change: kept in this browser at once, saved to the server when typing pauses
  useEffect(() => {
    if (sameDraft(draft, saved.current)) return;
    localStorage.setItem(backupKey(article.id), JSON.stringify({ draft, baseVersion: version.current, at: Date.now() } satisfies Backup));
    setSaveState((s) => (s === "conflict" ? s : "unsaved"));
    const timer = setTimeout(() => void save(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft, article.id, save]);

  // offline: try again every few seconds, and as soon as the network is back
  useEffect(() => {
    if (saveState !== "offline") return;
    const retry = () => void save();
    const timer = setInterval(retry, RETRY_MS);
    window.addEventListener("online", retry);
    return () => {
      clearInterval(timer);
      window.removeEventListener("online", retry);
    };
  }, [saveState, save]);

  // closing the tab: one last save that outlives the page
  useEffect(() => {
    const flush = () => {
      if (sameDraft(latest.current, saved.current)) return;
      const body = JSON.stringify({
        ...latest.current,
        slug: published ? undefined : latest.current.slug,
        tags: tagList(latest.current.tags),
        version: version.current,
      });
      navigator.sendBeacon(`/api/articles/${article.id}`, new Blob([body], { type: "application/json" }));
    };
    const onHide = () => document.visibilityState === "hidden" && flush();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onHide);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [article.id, published]);

  // the preview follows the text
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/articles/${article.id}/preview`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ body: draft.body }),
          signal: controller.signal,
        });
        if (response.ok) setPreview(await response.json());
      } catch {
        // offline or superseded: the last preview stays
      }
    }, PREVIEW_AFTER_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draft.body, article.id]);

  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  async function upload(file: File): Promise<{ file: string; url: string } | null> {
    const form = new FormData();
    form.append("file", file);
    setUploading(true);
    try {
      const response = await fetch("/api/uploads", { method: "POST", body: form });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        const reason = data?.error?.message;
        setMessage(
          reason != null ? t("uploadRefused", { file: file.name, reason: String(reason) }) : t("uploadAnswered", { file: file.name, status: response.status }),
        );
        return null;
      }
      // a success without the stored file's address: the answer was cut off on its way
      if (typeof data?.url !== "string" || typeof data?.file !== "string") throw new Error("incomplete answer");
      return data;
    } catch {
      setMessage(t("uploadOffline", { file: file.name }));
      return null;
    } finally {
      setUploading(false);
    }
  }

  async function insertImages(files: File[]) {
    const el = bodyRef.current;
    for (const file of files) {
      const stored = await upload(file);
      if (!stored) continue;
      const alt = file.name.replace(/\.[a-z0-9]+$/i, "").replace(/[-_]+/g, " ");
      const snippet = `\n![${alt}](${stored.url})\n`;
      setDraft((d) => {
        const at = el && document.activeElement === el ? el.selectionStart : d.body.length;
        return { ...d, body: d.body.slice(0, at) + snippet + d.body.slice(at) };
      });
    }
  }

  const imageFiles = (list: FileList | null) => [...(list ?? [])].filter((f) => f.type.startsWith("image/") || /\.(png|jpe?g|webp|gif|avif)$/i.test(f.name));

  function onDrop(event: DragEvent<HTMLTextAreaElement>) {
    const files = imageFiles(event.dataTransfer.files);
    if (files.length === 0) return;
    event.preventDefault();
    void insertImages(files);
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const files = imageFiles(event.clipboardData.files);
    if (files.length === 0) return;
    event.preventDefault();
    void insertImages(files);
  }

  const status = {
    saved: savedAt ? t("savedAt", { time: formatTime(savedAt, timezone, { seconds: true, locale }) }) : t("allSaved"),
    unsaved: t("unsaved"),
    saving: t("saving"),
    offline: t("offline"),
    conflict: t("conflict"),
  }[saveState];

  return (
    <div className="space-y-4">
      {restored && <Alert tone="success">{t("restored")}</Alert>}
      {message && <Alert>{message}</Alert>}
      <p className="flex flex-wrap items-center gap-2 text-sm" role="status" data-testid="save-status">
        <Badge tone={saveState === "saved" ? "green" : saveState === "conflict" || saveState === "offline" ? "red" : "amber"}>{status}</Badge>
        {uploading && <span>{t("uploading")}</span>}
        {preview && <span className="text-slate-600">{t("stats", { words: preview.words, minutes: preview.readingMinutes })}</span>}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="text-sm font-semibold sm:col-span-2">
          {t("title")}
          <input value={draft.title} onChange={(e) => update({ title: e.target.value })} maxLength={140} className={`${field} text-lg font-bold`} />
        </label>
        <label className="text-sm font-semibold sm:col-span-2">
          {t("summary")}
          <textarea
            value={draft.summary}
            onChange={(e) => update({ summary: e.target.value })}
            maxLength={400}
            rows={2}
            className={field}
            aria-describedby="summary-hint"
          />
          <span id="summary-hint" className="mt-1 block font-normal text-slate-600">
            {t("summaryHint")}
          </span>
        </label>
        <label className="text-sm font-semibold">
          {t("tags")}
          <input value={draft.tags} onChange={(e) => update({ tags: e.target.value })} className={field} aria-describedby="tags-hint" />
          <span id="tags-hint" className="mt-1 block font-normal text-slate-600">
            {t("tagsHint", { max: MAX_TAGS })}
          </span>
        </label>
        <label className="text-sm font-semibold">
          {t("address")}
          <input
            value={draft.slug}
            onChange={(e) => update({ slug: e.target.value.toLowerCase().replace(/[^a-z0-9-]/g, "-") })}
            readOnly={published}
            className={`${field} font-mono read-only:bg-slate-100`}
            aria-describedby="slug-hint"
          />
          <span id="slug-hint" className="mt-1 block font-normal text-slate-600">
            {published ? t("slugHintFixed", { slug: draft.slug }) : t("slugHint", { slug: draft.slug })}
          </span>
        </label>
        <div className="space-y-2 text-sm sm:col-span-2">
          <p className="font-semibold">{t("cover")}</p>
          {draft.coverFile ? (
            <div className="flex flex-wrap items-start gap-3">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={`/uploads/${draft.coverFile}`} alt={t("coverImageAlt")} className="h-24 w-40 rounded object-cover ring-1 ring-slate-300" />
              <label className="min-w-60 flex-1 font-semibold">
                {t("coverAlt")}
                <input value={draft.coverAlt} onChange={(e) => update({ coverAlt: e.target.value })} maxLength={200} className={field} />
              </label>
              <button type="button" className={buttonClass("ghost")} onClick={() => update({ coverFile: null, coverAlt: "" })}>
                {t("removeCover")}
              </button>
            </div>
          ) : (
            <label className={`${buttonClass("secondary")} cursor-pointer focus-within:outline-3 focus-within:outline-indigo-600`}>
              {t("uploadCover")}
              <input
                type="file"
                accept="image/png,image/jpeg,image/webp,image/gif,image/avif"
                className="sr-only"
                onChange={async (e) => {
                  const file = e.currentTarget.files?.[0];
                  e.currentTarget.value = "";
                  const stored = file ? await upload(file) : null;
                  if (stored) update({ coverFile: stored.file });
                }}
              />
            </label>
          )}
        </div>
      </div>

      <div className="flex gap-2 lg:hidden" role="group" aria-label={t("show")}>
        {(["write", "preview"] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            aria-pressed={tab === mode}
            onClick={() => setTab(mode)}
            className={buttonClass(tab === mode ? "primary" : "secondary")}
          >
            {mode === "write" ? t("write") : t("preview")}
          </button>
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className={tab === "write" ? "" : "hidden lg:block"}>
          <label htmlFor="article-body" className="text-sm font-semibold">
            {t("body")}
          </label>
          <textarea
            id="article-body"
            ref={bodyRef}
            value={draft.body}
            onChange={(e) => update({ body: e.target.value })}
            onDrop={onDrop}
            onPaste={onPaste}
            rows={28}
            spellCheck
            aria-describedby="body-hint"
            className={`${field} font-mono text-sm leading-6`}
          />
          <p id="body-hint" className="mt-1 text-sm text-slate-600">
            {t.rich("bodyHint", {
              insert: (chunks) => (
                <label className="cursor-pointer font-semibold text-indigo-800 underline focus-within:outline-3 focus-within:outline-indigo-600">
                  {chunks}
                  <input
                    type="file"
                    accept="image/png,image/jpeg,image/webp,image/gif,image/avif"
                    multiple
                    className="sr-only"
                    onChange={(e) => void insertImages(imageFiles(e.currentTarget.files))}
                  />
                </label>
              ),
            })}
          </p>
        </div>
        <section
          aria-label={t("preview")}
          className={`${tab === "preview" ? "" : "hidden lg:block"} article min-w-0 rounded-xl bg-white p-4 ring-1 ring-slate-200`}
          data-testid="preview"
        >
          <h2 className="mb-3 text-3xl font-bold tracking-tight">{draft.title}</h2>
          {preview ? (
            <div className="prose prose-slate max-w-none prose-pre:bg-slate-900" dangerouslySetInnerHTML={{ __html: preview.html }} />
          ) : (
            <p className="text-slate-600">{t("previewEmpty")}</p>
          )}
        </section>
      </div>
    </div>
  );
}
