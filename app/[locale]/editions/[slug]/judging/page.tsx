import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { requireUser, type CurrentUser } from "@/app/_lib/session";
import { getDb } from "@/app/_lib/db";
import { ActionButton } from "@/components/action-button";
import { ConflictForm, InviteCreateForm, TrackForm } from "@/components/judging/organizer-forms";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui";
import { formatEditionNumber } from "@/lib/editions/rules";
import { judgingAdmin, listInvites, listTracks, tracksToEnter } from "@/lib/judging/queries";
import { TRACK_STATUSES, type TrackStatus } from "@/lib/judging/rules";
import type { JudgingMethod } from "@/lib/judging/ranking";
import { isOrganizer } from "@/lib/people/rules";
import { listJuryPrizes } from "@/lib/prizes/queries";
import { listTeams, teamOf } from "@/lib/teams/queries";
import { formatInZone } from "@/lib/platform/time";
import { createInviteAction, createTrackAction, declareConflictAction, enterTrackAction, removeConflictAction, revokeInviteAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("judging.list");
  return { title: t("metaTitle") };
}

const isTrackStatus = (status: string): status is TrackStatus => (TRACK_STATUSES as readonly string[]).includes(status);

const statusTone = (status: string) => (status === "OPEN" ? "green" : status === "PAUSED" ? "amber" : "slate");

/** Judging of an edition: organizers set up tracks, invitations and conflicts; judges find their tracks; everyone the published results. */
export default async function JudgingPage({ params }: { params: Promise<{ slug: string }> }) {
  const edition = await loadEdition((await params).slug, "/judging");
  const user = await requireUser(editionPath(edition.number, "/judging"));
  const db = getDb();
  const organizer = isOrganizer(user);
  const [tracks, myTeam] = await Promise.all([listTracks(db, user, edition.id), teamOf(db, user.id, edition.id)]);
  const [t, tc, tr] = await Promise.all([getTranslations("judging.list"), getTranslations("judging.common"), getTranslations()]);
  const hex = formatEditionNumber(edition.number);
  const trackPath = (id: string, rest = "") => editionPath(edition.number, `/judging/${id}${rest}`);
  // opt-in tracks the reader's team may enter or leave (the ones already listed as theirs to judge or read apart)
  const listed = new Set(tracks.map((track) => track.id));
  const openToEnter = organizer || !myTeam ? [] : (await tracksToEnter(db, myTeam.id)).filter((track) => !listed.has(track.id));

  return (
    <div className="space-y-6">
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>{tr("layout.edition", { number: hex })}</Link>} title={t("title")} />
      {tracks.length === 0 && openToEnter.length === 0 ? (
        <EmptyState>{organizer ? t("emptyOrganizer") : t("empty")}</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label={t("tracks")}>
          {tracks.map((track) => (
            <li key={track.id}>
              <Card aria-labelledby={`track-${track.id}`} className="h-full space-y-2">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 id={`track-${track.id}`} className="text-lg font-bold">
                    <Link href={trackPath(track.id)} className="underline-offset-2 hover:underline">
                      {track.name}
                    </Link>
                  </h2>
                  <Badge tone={statusTone(track.status)}>{isTrackStatus(track.status) ? tr(`labels.trackStatus.${track.status}`) : track.status}</Badge>
                  {track.resultsPublishedAt && <Badge tone="indigo">{tc("resultsPublished")}</Badge>}
                </div>
                <p className="text-sm text-slate-700">{tr(`labels.judgingMethod.${track.method as JudgingMethod}`)}</p>
                {organizer && (
                  <p className="text-sm text-slate-600">
                    {t(track.eligibility === "OPT_IN" ? "countsWithEntries" : "counts", {
                      judges: track.judges.length,
                      judgments: track._count.judgments,
                      teams: track._count.teams,
                    })}
                  </p>
                )}
                <p className="flex flex-wrap gap-2">
                  {track.seated && (
                    <Link href={trackPath(track.id, "/judge")} className="rounded-lg bg-indigo-700 px-3 py-2 text-sm font-semibold text-white">
                      {tc("judgeThisTrack")}
                    </Link>
                  )}
                  <Link href={trackPath(track.id)} className="rounded-lg px-3 py-2 text-sm font-semibold text-indigo-800 ring-1 ring-indigo-200">
                    {organizer || track.seated ? t("rankingLink") : tc("results")}
                  </Link>
                </p>
              </Card>
            </li>
          ))}
          {openToEnter.map((track) => (
            <li key={track.id}>
              <Card aria-labelledby={`enter-${track.id}`} className="space-y-2">
                <h2 id={`enter-${track.id}`} className="text-lg font-bold">
                  {track.name}
                </h2>
                {track.description && <p className="text-sm text-slate-700">{track.description}</p>}
                <p className="text-sm">{track.entered ? t("entered", { team: myTeam!.name }) : t("enterHint")}</p>
                <ActionButton
                  action={enterTrackAction.bind(null, track.id, myTeam!.id)}
                  fields={track.entered ? {} : { entered: "on" }}
                  pendingText={tc("saving")}
                >
                  {track.entered ? t("leave") : t("enter", { team: myTeam!.name })}
                </ActionButton>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {organizer && <OrganizerSections user={user} editionId={edition.id} timezone={edition.timezone} tracks={tracks} />}
    </div>
  );
}

type OrganizerProps = {
  user: CurrentUser;
  editionId: string;
  timezone: string;
  tracks: { id: string; name: string; judges: { userId: string; user: { name: string } }[] }[];
};

async function OrganizerSections({ user, editionId, timezone, tracks }: OrganizerProps) {
  const db = getDb();
  const [prizes, invites, admin, teams] = await Promise.all([
    listJuryPrizes(db, user, editionId),
    listInvites(db, user, editionId),
    judgingAdmin(db, user, editionId),
    listTeams(db, editionId),
  ]);
  const [t, tc, locale] = await Promise.all([getTranslations("judging.organizer"), getTranslations("judging.common"), getLocale()]);
  const judges = [...new Map(tracks.flatMap((track) => track.judges.map((j) => [j.userId, { id: j.userId, name: j.user.name }] as const))).values()];
  const now = new Date();
  return (
    <>
      <Card aria-labelledby="new-track">
        <h2 id="new-track" className="mb-3 text-lg font-bold">
          {t("newTrack")}
        </h2>
        <TrackForm action={createTrackAction.bind(null, editionId)} prizes={prizes.map((p) => ({ id: p.id, name: p.name }))} submitLabel={t("createTrack")} />
      </Card>
      {tracks.length > 0 && (
        <Card aria-labelledby="invites" className="space-y-3">
          <h2 id="invites" className="text-lg font-bold">
            {t("invite")}
          </h2>
          <p className="text-sm text-slate-700">{t("inviteIntro")}</p>
          <InviteCreateForm action={createInviteAction.bind(null, editionId)} tracks={tracks.map((track) => ({ id: track.id, name: track.name }))} />
          {invites.length > 0 && (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("invitations")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("colFor")}</th>
                  <th scope="col">{t("colTracks")}</th>
                  <th scope="col">{t("colState")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("revoke")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invites.map((i) => {
                  const state = i.usedAt
                    ? t("inviteUsed", { at: formatInZone(i.usedAt, timezone, undefined, locale) })
                    : i.revokedAt
                      ? t("inviteRevoked")
                      : i.expiresAt <= now
                        ? t("inviteExpired")
                        : t("inviteValid", { at: formatInZone(i.expiresAt, timezone, undefined, locale) });
                  return (
                    <tr key={i.id} className="border-t border-slate-200">
                      <td className="py-1">{i.label}</td>
                      <td>{i.tracks.map((entry) => entry.track.name).join(", ")}</td>
                      <td>{state}</td>
                      <td>
                        {!i.usedAt && !i.revokedAt && i.expiresAt > now && (
                          <ActionButton
                            action={revokeInviteAction.bind(null, i.id)}
                            variant="ghost"
                            pendingText={t("revoking")}
                            label={t("revokeLabel", { label: i.label })}
                          >
                            {t("revoke")}
                          </ActionButton>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </Card>
      )}
      <Card aria-labelledby="conflicts" className="space-y-3">
        <h2 id="conflicts" className="text-lg font-bold">
          {t("conflicts")}
        </h2>
        <p className="text-sm text-slate-700">{t("conflictsIntro")}</p>
        {admin.conflicts.length > 0 && (
          <ul className="space-y-1 text-sm">
            {admin.conflicts.map((c) => (
              <li key={`${c.judgeId}:${c.teamId}`} className="flex flex-wrap items-center gap-2">
                {c.judgeName} × {c.team.name}
                {c.reason && <span className="text-slate-600">({c.reason})</span>}
                <ActionButton
                  action={removeConflictAction.bind(null, editionId, c.judgeId, c.teamId)}
                  variant="ghost"
                  pendingText={tc("removing")}
                  label={t("removeConflictLabel", { judge: c.judgeName, team: c.team.name })}
                >
                  {tc("remove")}
                </ActionButton>
              </li>
            ))}
          </ul>
        )}
        {judges.length > 0 ? (
          <ConflictForm action={declareConflictAction.bind(null, editionId)} judges={judges} teams={teams.map((team) => ({ id: team.id, name: team.name }))} />
        ) : (
          <p className="text-sm text-slate-600">{t("addJudgesFirst")}</p>
        )}
      </Card>
      {admin.audit.length > 0 && (
        <Card aria-labelledby="audit">
          <h2 id="audit" className="mb-2 text-lg font-bold">
            {t("audit")}
          </h2>
          <ol className="space-y-1 text-sm" aria-label={t("auditLabel")}>
            {admin.audit.slice(0, 50).map((a) => (
              <li key={a.id}>
                <span className="text-slate-600">{formatInZone(a.createdAt, timezone, undefined, locale)}</span> · {a.actorName}: {a.action}
                {a.detail && <span className="text-slate-700"> — {a.detail}</span>}
              </li>
            ))}
          </ol>
        </Card>
      )}
    </>
  );
}
