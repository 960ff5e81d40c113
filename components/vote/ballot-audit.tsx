"use client";
// The organizer's audit of the ballots, under the vote control: ballots per
// client address (hashed) and per minute, voiding a cluster with a reason
// (two steps: the form, then the button that says how many), and the voids
// with their restore. Refreshed as the live count moves, at most every 5 s.
import { useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { fetchJson } from "@/components/fetch-json";
import { Alert, Badge, EmptyState, buttonClass } from "@/components/ui";
import type { AuditAddress, VoteAudit } from "@/lib/votes/queries";
import { formatTime } from "@/lib/platform/time";

type Props = { editionSlug: string; initialAudit: VoteAudit; timeZone: string; /** the live count: the audit is read again when it moves */ ballots: number };

const MINUTE = 60_000;
const REFRESH_MS = 5_000;

/** Dates arrive as Date objects from the page and as strings from the JSON API. */
function revive(audit: VoteAudit): VoteAudit {
  const date = (value: Date | string) => new Date(value);
  const maybe = (value: Date | string | null) => (value === null ? null : new Date(value));
  return {
    ...audit,
    addresses: audit.addresses.map((a) => ({ ...a, first: date(a.first), last: date(a.last), minutes: a.minutes.map((m) => ({ ...m, at: date(m.at) })) })),
    minutes: audit.minutes.map((m) => ({ ...m, at: date(m.at) })),
    voids: audit.voids.map((v) => ({ ...v, fromAt: maybe(v.fromAt), toAt: maybe(v.toAt), createdAt: date(v.createdAt), restoredAt: maybe(v.restoredAt) })),
  };
}

export function BallotAudit({ editionSlug, initialAudit, timeZone, ballots }: Props) {
  const t = useTranslations("vote.audit");
  const locale = useLocale();
  const [audit, setAudit] = useState(() => revive(initialAudit));
  const [voiding, setVoiding] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const base = `/api/editions/${editionSlug}/vote`;
  const time = (at: Date) => formatTime(at, timeZone, { locale });

  // the live count moved: read the audit again, at most every REFRESH_MS
  const seen = useRef(ballots);
  const lastRead = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (ballots === seen.current || timer.current) return;
    seen.current = ballots;
    timer.current = setTimeout(
      async () => {
        timer.current = null;
        lastRead.current = Date.now();
        const result = await fetchJson<VoteAudit>(`${base}/audit`);
        if (result.ok) setAudit(revive(result.data));
      },
      Math.max(0, lastRead.current + REFRESH_MS - Date.now()),
    );
  }, [ballots, base]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  async function send(url: string, body: unknown, done: (data: { audit: VoteAudit; void: { ballots: number } }) => string) {
    setBusy(true);
    const result = await fetchJson<{ audit: VoteAudit; void: { ballots: number } }>(url, "POST", body);
    setBusy(false);
    if (!result.ok) {
      setNotice(null);
      setError(result.message);
      return false;
    }
    setAudit(revive(result.data.audit));
    setError(null);
    setNotice(done(result.data));
    return true;
  }

  const maxPerMinute = Math.max(1, ...audit.minutes.map((m) => m.ballots));
  const target = audit.addresses.find((a) => a.clientHash === voiding) ?? null;

  return (
    <div className="space-y-6">
      <section aria-labelledby="addresses-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="addresses-heading" className="text-lg font-bold">
          {t("byAddress.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("byAddress.intro")}</p>
        <p className="mt-2 text-sm font-semibold" data-testid="audit-summary">
          {t("byAddress.summary", { count: audit.ballots, voided: audit.voided })}
        </p>
        {error && (
          <div className="mt-3">
            <Alert>{error}</Alert>
          </div>
        )}
        {notice && !error && (
          <div className="mt-3">
            <Alert tone="success">{notice}</Alert>
          </div>
        )}
        {audit.addresses.length === 0 ? (
          <div className="mt-3">
            <EmptyState>{t("noBallots")}</EmptyState>
          </div>
        ) : (
          <div className="mt-3 relative overflow-x-auto" tabIndex={0}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("byAddress.caption")}</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-2">
                    {t("byAddress.address")}
                  </th>
                  <th scope="col" className="py-2 pr-2 text-right">
                    {t("byAddress.ballots")}
                  </th>
                  <th scope="col" className="py-2 pr-2">
                    {t("byAddress.first")}
                  </th>
                  <th scope="col" className="py-2 pr-2">
                    {t("byAddress.last")}
                  </th>
                  <th scope="col" className="py-2">
                    {t("byAddress.status")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {audit.addresses.map((a) => {
                  const counted = a.ballots - a.voided;
                  return (
                    <tr key={a.clientHash} data-testid="address-row">
                      <th scope="row" className="py-2 pr-2 font-mono font-semibold">
                        {a.label}
                      </th>
                      <td className="py-2 pr-2 text-right tabular-nums">{a.ballots}</td>
                      <td className="py-2 pr-2 tabular-nums">{time(a.first)}</td>
                      <td className="py-2 pr-2 tabular-nums">{time(a.last)}</td>
                      <td className="py-2">
                        <span className="flex flex-wrap items-center gap-2">
                          {counted === 0 ? (
                            <Badge tone="red">{t("byAddress.voided", { count: a.ballots })}</Badge>
                          ) : a.voided > 0 ? (
                            <Badge tone="amber">{t("byAddress.someVoided", { count: a.voided })}</Badge>
                          ) : (
                            <Badge tone="green">{t("byAddress.counting", { count: counted })}</Badge>
                          )}
                          {counted > 0 && (
                            <button
                              type="button"
                              className={buttonClass("secondary", "min-h-9 px-3 py-1")}
                              aria-expanded={voiding === a.clientHash}
                              aria-controls={voiding === a.clientHash ? "void-form" : undefined}
                              onClick={() => {
                                setVoiding(voiding === a.clientHash ? null : a.clientHash);
                                setNotice(null);
                                setError(null);
                              }}
                            >
                              {t.rich("byAddress.voidThese", { address: a.label, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
                            </button>
                          )}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {audit.otherAddresses.addresses > 0 && (
          <p className="mt-2 text-sm text-slate-600">
            {t("byAddress.others", { addresses: audit.otherAddresses.addresses, ballots: audit.otherAddresses.ballots })}
          </p>
        )}
        {target && (
          <VoidForm
            key={target.clientHash}
            address={target}
            busy={busy}
            time={time}
            onCancel={() => setVoiding(null)}
            onVoid={async (body) => {
              const ok = await send(`${base}/voids`, body, (data) => t("voidedNotice", { count: data.void.ballots, address: target.label }));
              if (ok) setVoiding(null);
            }}
          />
        )}
      </section>

      <section aria-labelledby="minutes-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="minutes-heading" className="text-lg font-bold">
          {t("perMinute.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("perMinute.intro")}</p>
        {audit.minutes.length === 0 ? (
          <div className="mt-3">
            <EmptyState>{t("noBallots")}</EmptyState>
          </div>
        ) : (
          <div className="mt-3 max-h-96 overflow-y-auto" tabIndex={0}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("perMinute.caption")}</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-2">
                    {t("perMinute.minute")}
                  </th>
                  <th scope="col" className="w-full py-1 pr-2">
                    {t("perMinute.ballots")}
                  </th>
                  <th scope="col" className="py-1 text-right">
                    {t("perMinute.voided")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {audit.minutes.map((m) => (
                  <tr key={m.at.getTime()}>
                    <th scope="row" className="py-1 pr-2 font-normal tabular-nums">
                      {time(m.at)}
                    </th>
                    <td className="py-1 pr-2">
                      <span className="flex items-center gap-2">
                        <span
                          aria-hidden="true"
                          className="block h-3 rounded-sm bg-indigo-600"
                          style={{ width: `${Math.max(2, (m.ballots / maxPerMinute) * 80)}%` }}
                        />
                        <span className="tabular-nums">{m.ballots}</span>
                      </span>
                    </td>
                    <td className="py-1 text-right tabular-nums">{m.voided}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="voids-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="voids-heading" className="text-lg font-bold">
          {t("voids.title")}
        </h2>
        {audit.voids.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{t("voids.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100" aria-label={t("voids.label")} data-testid="voids">
            {audit.voids.map((v) => {
              // which ballots: how many, from which address (if one), last sent within which minutes (if any)
              const which = {
                count: v.ballots,
                hasAddress: v.clientLabel === null ? "no" : "yes",
                address: v.clientLabel ?? "",
                bounds: v.fromAt && v.toAt ? "both" : v.fromAt ? "from" : v.toAt ? "to" : "none",
                fromTime: v.fromAt ? time(v.fromAt) : "",
                toTime: v.toAt ? time(v.toAt) : "",
              };
              return (
                <li key={v.id} className="flex flex-wrap items-start justify-between gap-2 py-3 text-sm">
                  <div className="min-w-0">
                    <p className="font-semibold">{t("voids.which", which)}</p>
                    <p className="break-words text-slate-700">{t("voids.by", { by: v.by, time: time(v.createdAt), reason: v.reason })}</p>
                    {v.restoredAt && <p className="text-slate-700">{t("voids.restoredBy", { by: v.restoredBy ?? "", time: time(v.restoredAt) })}</p>}
                  </div>
                  {!v.restoredAt && (
                    <button
                      type="button"
                      disabled={busy}
                      className={buttonClass("secondary", "min-h-9 px-3 py-1")}
                      onClick={() => void send(`${base}/voids/${v.id}/restore`, {}, () => t("voids.restoredNotice", which))}
                    >
                      {t.rich("voids.restore", { ...which, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

type VoidBody = { clientHash: string; reason: string; from?: string; to?: string };

/** Step two of voiding: the reason, which ballots of the address, and a button that says how many. */
function VoidForm({
  address,
  busy,
  time,
  onCancel,
  onVoid,
}: {
  address: AuditAddress;
  busy: boolean;
  time: (at: Date) => string;
  onCancel: () => void;
  onVoid: (body: VoidBody) => Promise<void>;
}) {
  const t = useTranslations("vote.audit.voidForm");
  const minutes = address.minutes;
  const at = (i: number) => minutes[i]?.at.getTime() ?? 0;
  const [span, setSpan] = useState(false);
  // minutes by their time, not their place in the list: a refresh may add minutes while the form is open
  const [from, setFrom] = useState(at(0));
  const [to, setTo] = useState(at(minutes.length - 1));
  const [reason, setReason] = useState("");
  const [low, high] = [Math.min(from, to), Math.max(from, to)];
  const count = span
    ? minutes.filter((m) => m.at.getTime() >= low && m.at.getTime() <= high).reduce((sum, m) => sum + m.counted, 0)
    : address.ballots - address.voided;
  const field = "mt-1 block w-full rounded-lg px-3 py-2 ring-1 ring-slate-300";

  return (
    <form
      id="void-form"
      aria-labelledby="void-heading"
      className="mt-4 space-y-3 rounded-lg bg-red-50 p-4 ring-1 ring-red-200"
      onSubmit={(event) => {
        event.preventDefault();
        void onVoid({
          clientHash: address.clientHash,
          reason,
          ...(span ? { from: new Date(low).toISOString(), to: new Date(high + MINUTE).toISOString() } : {}),
        });
      }}
    >
      <h3 id="void-heading" className="font-bold">
        {t.rich("title", { address: address.label, mono: (chunks) => <span className="font-mono">{chunks}</span> })}
      </h3>
      <label className="block text-sm font-semibold">
        {t("reason")}
        <input name="reason" required minLength={3} maxLength={500} autoFocus value={reason} onChange={(e) => setReason(e.target.value)} className={field} />
      </label>
      {minutes.length > 1 && (
        <fieldset className="space-y-2 text-sm">
          <legend className="font-semibold">{t("which")}</legend>
          <label className="flex items-start gap-2">
            <input type="radio" name="span" checked={!span} onChange={() => setSpan(false)} className="mt-1 size-4" />
            <span>{t("all", { count: address.ballots - address.voided })}</span>
          </label>
          <label className="flex items-start gap-2">
            <input type="radio" name="span" checked={span} onChange={() => setSpan(true)} className="mt-1 size-4" />
            <span>{t("some")}</span>
          </label>
          {span && (
            <div className="flex flex-wrap gap-3 pl-6">
              <MinuteSelect label={t("from")} value={from} onChange={setFrom} minutes={minutes} time={time} className={field} />
              <MinuteSelect label={t("to")} value={to} onChange={setTo} minutes={minutes} time={time} className={field} />
            </div>
          )}
        </fieldset>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={busy || count === 0} className={buttonClass("danger")}>
          {t("submit", { count })}
        </button>
        <button type="button" onClick={onCancel} className={buttonClass("secondary")}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

/** A minute of the cluster's ballots to pick, with how many were sent in it. */
function MinuteSelect(props: {
  label: string;
  value: number;
  onChange: (at: number) => void;
  minutes: { at: Date; counted: number }[];
  time: (at: Date) => string;
  className: string;
}) {
  return (
    <label className="block font-semibold">
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(Number(e.target.value))} className={props.className}>
        {props.minutes.map((m) => (
          <option key={m.at.getTime()} value={m.at.getTime()}>
            {props.time(m.at)} ({m.counted})
          </option>
        ))}
      </select>
    </label>
  );
}
