import type { Metadata } from "next";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { requireUser, type CurrentUser } from "@/app/_lib/session";
import { getDb } from "@/app/_lib/db";
import { ActionButton } from "@/components/action-button";
import { ConflictForm, InviteCreateForm, TrackForm } from "@/components/judging/organizer-forms";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui";
import { formatEditionNumber } from "@/lib/editions/rules";
import { judgingAdmin, listInvites, listTracks, tracksToEnter } from "@/lib/judging/queries";
import { METHOD_LABELS, TRACK_STATUS_LABELS, type TrackStatus } from "@/lib/judging/rules";
import type { JudgingMethod } from "@/lib/judging/ranking";
import { isOrganizer } from "@/lib/people/rules";
import { listJuryPrizes } from "@/lib/prizes/queries";
import { listTeams, teamOf } from "@/lib/teams/queries";
import { formatInZone } from "@/lib/platform/time";
import { createInviteAction, createTrackAction, declareConflictAction, enterTrackAction, removeConflictAction, revokeInviteAction } from "./actions";

export const metadata: Metadata = { title: "Judging" };

const statusTone = (status: string) => (status === "OPEN" ? "green" : status === "PAUSED" ? "amber" : "slate");

/** Judging of an edition: organizers set up tracks, invitations and conflicts; judges find their tracks; everyone the published results. */
export default async function JudgingPage({ params }: { params: Promise<{ slug: string }> }) {
  const edition = await loadEdition((await params).slug, "/judging");
  const user = await requireUser(editionPath(edition.number, "/judging"));
  const db = getDb();
  const organizer = isOrganizer(user);
  const [tracks, myTeam] = await Promise.all([listTracks(db, user, edition.id), teamOf(db, user.id, edition.id)]);
  const hex = formatEditionNumber(edition.number);
  const trackPath = (id: string, rest = "") => editionPath(edition.number, `/judging/${id}${rest}`);
  // opt-in tracks the reader's team may enter or leave (the ones already listed as theirs to judge or read apart)
  const listed = new Set(tracks.map((t) => t.id));
  const openToEnter = organizer || !myTeam ? [] : (await tracksToEnter(db, myTeam.id)).filter((t) => !listed.has(t.id));

  return (
    <div className="space-y-6">
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>Edition {hex}</Link>} title="Judging" />
      {tracks.length === 0 && openToEnter.length === 0 ? (
        <EmptyState>{organizer ? "No judging track yet: create the first one below." : "Nothing to judge or to read here yet."}</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="Tracks">
          {tracks.map((t) => (
            <li key={t.id}>
              <Card aria-labelledby={`track-${t.id}`} className="h-full space-y-2">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 id={`track-${t.id}`} className="text-lg font-bold">
                    <Link href={trackPath(t.id)} className="underline-offset-2 hover:underline">
                      {t.name}
                    </Link>
                  </h2>
                  <Badge tone={statusTone(t.status)}>{TRACK_STATUS_LABELS[t.status as TrackStatus] ?? t.status}</Badge>
                  {t.resultsPublishedAt && <Badge tone="indigo">Results published</Badge>}
                </div>
                <p className="text-sm text-slate-700">{METHOD_LABELS[t.method as JudgingMethod]}</p>
                {organizer && (
                  <p className="text-sm text-slate-600">
                    {t.judges.length} judge{t.judges.length === 1 ? "" : "s"} · {t._count.judgments} judgment{t._count.judgments === 1 ? "" : "s"}
                    {t.eligibility === "OPT_IN" ? ` · ${t._count.teams} team${t._count.teams === 1 ? "" : "s"} entered` : ""}
                  </p>
                )}
                <p className="flex flex-wrap gap-2">
                  {t.seated && (
                    <Link href={trackPath(t.id, "/judge")} className="rounded-lg bg-indigo-700 px-3 py-2 text-sm font-semibold text-white">
                      Judge this track
                    </Link>
                  )}
                  <Link href={trackPath(t.id)} className="rounded-lg px-3 py-2 text-sm font-semibold text-indigo-800 ring-1 ring-indigo-200">
                    {organizer || t.seated ? "Ranking and deliberation" : "Results"}
                  </Link>
                </p>
              </Card>
            </li>
          ))}
          {openToEnter.map((t) => (
            <li key={t.id}>
              <Card aria-labelledby={`enter-${t.id}`} className="space-y-2">
                <h2 id={`enter-${t.id}`} className="text-lg font-bold">
                  {t.name}
                </h2>
                {t.description && <p className="text-sm text-slate-700">{t.description}</p>}
                <p className="text-sm">{t.entered ? `Your team ${myTeam!.name} is entered.` : "Teams enter this track if they want to be judged in it."}</p>
                <ActionButton action={enterTrackAction.bind(null, t.id, myTeam!.id)} fields={t.entered ? {} : { entered: "on" }} pendingText="Saving…">
                  {t.entered ? "Leave this track" : `Enter ${myTeam!.name}`}
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
  const judges = [...new Map(tracks.flatMap((t) => t.judges.map((j) => [j.userId, { id: j.userId, name: j.user.name }] as const))).values()];
  const now = new Date();
  return (
    <>
      <Card aria-labelledby="new-track">
        <h2 id="new-track" className="mb-3 text-lg font-bold">
          New track
        </h2>
        <TrackForm action={createTrackAction.bind(null, editionId)} prizes={prizes.map((p) => ({ id: p.id, name: p.name }))} submitLabel="Create track" />
      </Card>
      {tracks.length > 0 && (
        <Card aria-labelledby="invites" className="space-y-3">
          <h2 id="invites" className="text-lg font-bold">
            Invite judges
          </h2>
          <p className="text-sm text-slate-700">
            A one-time link, or its QR code, signs a judge in on their phone: no account needed. It works once, expires, and can be revoked.
          </p>
          <InviteCreateForm action={createInviteAction.bind(null, editionId)} tracks={tracks.map((t) => ({ id: t.id, name: t.name }))} />
          {invites.length > 0 && (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Invitations</caption>
              <thead>
                <tr>
                  <th scope="col">For</th>
                  <th scope="col">Tracks</th>
                  <th scope="col">State</th>
                  <th scope="col">
                    <span className="sr-only">Revoke</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invites.map((i) => {
                  const state = i.usedAt
                    ? `used ${formatInZone(i.usedAt, timezone)}`
                    : i.revokedAt
                      ? "revoked"
                      : i.expiresAt <= now
                        ? "expired"
                        : `valid until ${formatInZone(i.expiresAt, timezone)}`;
                  return (
                    <tr key={i.id} className="border-t border-slate-200">
                      <td className="py-1">{i.label}</td>
                      <td>{i.tracks.map((t) => t.track.name).join(", ")}</td>
                      <td>{state}</td>
                      <td>
                        {!i.usedAt && !i.revokedAt && i.expiresAt > now && (
                          <ActionButton
                            action={revokeInviteAction.bind(null, i.id)}
                            variant="ghost"
                            pendingText="Revoking…"
                            label={`Revoke the invitation for ${i.label}`}
                          >
                            Revoke
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
          Conflicts of interest
        </h2>
        <p className="text-sm text-slate-700">Nobody judges their own team. Declare the other conflicts here: that judge is never sent to that team.</p>
        {admin.conflicts.length > 0 && (
          <ul className="space-y-1 text-sm">
            {admin.conflicts.map((c) => (
              <li key={`${c.judgeId}:${c.teamId}`} className="flex flex-wrap items-center gap-2">
                {c.judgeName} × {c.team.name}
                {c.reason && <span className="text-slate-600">({c.reason})</span>}
                <ActionButton
                  action={removeConflictAction.bind(null, editionId, c.judgeId, c.teamId)}
                  variant="ghost"
                  pendingText="Removing…"
                  label={`Remove the conflict ${c.judgeName} × ${c.team.name}`}
                >
                  Remove
                </ActionButton>
              </li>
            ))}
          </ul>
        )}
        {judges.length > 0 ? (
          <ConflictForm action={declareConflictAction.bind(null, editionId)} judges={judges} teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
        ) : (
          <p className="text-sm text-slate-600">Add judges to a track first.</p>
        )}
      </Card>
      {admin.audit.length > 0 && (
        <Card aria-labelledby="audit">
          <h2 id="audit" className="mb-2 text-lg font-bold">
            Audit trail
          </h2>
          <ol className="space-y-1 text-sm" aria-label="Judging audit trail, newest first">
            {admin.audit.slice(0, 50).map((a) => (
              <li key={a.id}>
                <span className="text-slate-600">{formatInZone(a.createdAt, timezone)}</span> · {a.actorName}: {a.action}
                {a.detail && <span className="text-slate-700"> — {a.detail}</span>}
              </li>
            ))}
          </ol>
        </Card>
      )}
    </>
  );
}
