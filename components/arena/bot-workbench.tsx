"use client";
// A team's bot: write it (or start from the starter bot), try it in practice
// matches against the built-in bots with their replays, and submit it. Every
// submission is a new version; the last one before the deadline plays. A bot
// that forfeits its check match on submission is refused with the round and
// the reason, shown by the submit button (where the eyes are), with a way to
// submit it all the same. The built-in bots' names and descriptions and the
// contract's summary may come as lib's messages (lib/arena/engine/games): said
// here in the reader's language (words already pass as they are).
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { MatchRecord } from "@/lib/arena/engine/record";
import { CodeEditor } from "@/components/code-editor";
import { fetchJson } from "@/components/fetch-json";
import { Alert, buttonClass } from "@/components/ui";
import { useSay } from "@/components/say";
import { MAX_BOT_BYTES } from "@/lib/arena/engine/limits";
import { Replay } from "./replay";

type Props = {
  challengeId: string;
  starter: string;
  initialSource: string;
  initialLanguage: "ts" | "js";
  opponents: { id: string; name: string; description: string }[];
  versions: { version: number; createdAt: string }[];
  canSubmit: boolean;
  /** the game's contract in a sentence, under the editor */
  contractSummary: string;
};

export function BotWorkbench({
  challengeId,
  starter,
  initialSource,
  initialLanguage,
  opponents,
  versions: initialVersions,
  canSubmit,
  contractSummary,
}: Props) {
  const t = useTranslations("arena.workbench");
  const say = useSay();
  const [source, setSource] = useState(initialSource);
  const [language, setLanguage] = useState(initialLanguage);
  const [opponent, setOpponent] = useState(opponents[0]?.id ?? "");
  const [busy, setBusy] = useState<null | "practice" | "submit">(null);
  /** what went wrong, and the line of the source it is about (a compile error: the editor marks it) */
  const [error, setError] = useState<{ text: string; line?: number } | null>(null);
  /** why the submitted bot was refused by its check match (shown by the submit button), and what was checked */
  const [checkFailure, setCheckFailure] = useState<{ message: string; source: string; language: "ts" | "js" } | null>(null);
  /** what went well (or went through with a warning: `info`) */
  const [notice, setNotice] = useState<{ text: string; tone: "success" | "info" } | null>(null);
  const [practice, setPractice] = useState<{ record: MatchRecord; opponent: string } | null>(null);
  const [versions, setVersions] = useState(initialVersions);

  // a file from the team's own editor: read here, nothing is sent until they practise or submit
  async function upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = ""; // the same file again reloads it
    if (!file) return;
    setError(null);
    if (file.size > MAX_BOT_BYTES) return setError({ text: t("tooLarge", { name: file.name, kb: MAX_BOT_BYTES / 1024 }) });
    setSource(await file.text());
    setLanguage(/\.(c|m)?ts$/i.test(file.name) ? "ts" : "js");
    setNotice({ text: t("loaded", { name: file.name }), tone: "success" });
  }

  async function runPractice() {
    setBusy("practice");
    setError(null);
    setCheckFailure(null);
    const result = await fetchJson<MatchRecord>(`/api/challenges/${challengeId}/practice`, "POST", { source, language, opponent });
    setBusy(null);
    if (result.ok) setPractice({ record: result.data as MatchRecord, opponent: say(opponents.find((o) => o.id === opponent)?.name ?? opponent) });
    else setError({ text: result.message, line: result.at?.line });
  }

  async function submit(force = false) {
    setBusy("submit");
    setError(null);
    setCheckFailure(null);
    const result = await fetchJson<{ version: number; createdAt: string }>(`/api/challenges/${challengeId}/bots`, "POST", { source, language, force });
    setBusy(null);
    if (result.ok) {
      setNotice(
        force
          ? { text: t("submittedForced", { version: result.data.version }), tone: "info" }
          : { text: t("submitted", { version: result.data.version }), tone: "success" },
      );
      setVersions((v) => [{ version: result.data.version, createdAt: result.data.createdAt }, ...v]);
    } else if (result.field === "check") setCheckFailure({ message: result.message, source, language });
    else setError({ text: result.message, line: result.at?.line });
  }

  return (
    <div className="space-y-4">
      {error && <Alert>{error.text}</Alert>}
      {notice && !error && !checkFailure && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-semibold">
          {t("language")}
          <select
            value={language}
            onChange={(e) => setLanguage(e.target.value as "ts" | "js")}
            className="mt-1 block rounded-lg px-3 py-2 ring-1 ring-slate-300"
          >
            <option value="ts">TypeScript</option>
            <option value="js">JavaScript</option>
          </select>
        </label>
        <button type="button" className={buttonClass("ghost")} onClick={() => setSource(starter)}>
          {t("starter")}
        </button>
        <label className={`${buttonClass("ghost")} cursor-pointer focus-within:outline-3 focus-within:outline-indigo-600`}>
          {t("upload")}
          <input
            type="file"
            accept=".js,.mjs,.cjs,.ts,.mts,.cts,text/javascript,application/typescript"
            className="sr-only"
            onChange={(e) => void upload(e.currentTarget)}
          />
        </label>
      </div>
      <label id="bot-source-label" htmlFor="bot-source" className="block text-sm font-semibold">
        {t("yourBot")}
      </label>
      {/* Tab indents; Escape then Tab leaves the editor. The line a compile error is about (the answer's `at`) is marked. */}
      <CodeEditor
        id="bot-source"
        value={source}
        onChange={setSource}
        language={language}
        label={t("yourBot")}
        labelledBy="bot-source-label"
        describedBy="bot-contract"
        minHeight="24rem"
        errorLine={error?.line}
      />
      <p id="bot-contract" className="text-sm text-slate-700">
        {say(contractSummary)}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="max-w-full min-w-0 text-sm font-semibold">
          {t("practiceAgainst")}
          <select
            value={opponent}
            onChange={(e) => setOpponent(e.target.value)}
            className="mt-1 block w-full max-w-full rounded-lg px-3 py-2 ring-1 ring-slate-300"
          >
            {opponents.map((o) => (
              <option key={o.id} value={o.id}>
                {t("opponent", { name: say(o.name), description: say(o.description) })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={buttonClass("secondary")} disabled={busy !== null} onClick={() => void runPractice()}>
          {busy === "practice" ? t("playing") : t("play")}
        </button>
        {canSubmit && (
          <button type="button" className={buttonClass("primary")} disabled={busy !== null} onClick={() => void submit()}>
            {busy === "submit" ? t("submitting") : t("submit")}
          </button>
        )}
      </div>
      {checkFailure && (
        <Alert>
          <p className="font-semibold">{t("notSubmitted")}</p>
          <p className="mt-1">{checkFailure.message}</p>
          {/* only for the bot that was checked: an edited one is submitted (and checked) with the button above */}
          {checkFailure.source === source && checkFailure.language === language && (
            <p className="mt-2">
              <button
                type="button"
                className="font-semibold underline underline-offset-2 disabled:opacity-60"
                disabled={busy !== null}
                onClick={() => void submit(true)}
              >
                {t("submitAnyway")}
              </button>
            </p>
          )}
        </Alert>
      )}
      {practice && <Replay record={practice.record} names={[t("yourBot"), practice.opponent]} />}
      {versions.length > 0 && (
        <p className="text-sm text-slate-700" data-testid="versions">
          {t("versions", { list: versions.map((v) => `v${v.version}`).join(", ") })}
        </p>
      )}
    </div>
  );
}
