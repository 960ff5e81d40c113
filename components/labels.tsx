// Badges for the hackathon's vocabulary.
import { PHASE_LABELS, type Phase } from "@/lib/editions/rules";
import { TOPIC_KIND_LABELS, TOPIC_STATUS_LABELS, type TopicKind, type TopicStatus } from "@/lib/topics/rules";
import { Badge } from "./ui";

const kindTone = { KILLER_FEATURE: "purple", TEAM_TOOLING: "indigo", FUN: "amber" } as const;
const statusTone = { PENDING: "slate", APPROVED: "green", REJECTED: "red", MERGED: "slate" } as const;

export function KindBadge({ kind }: { kind: string }) {
  return <Badge tone={kindTone[kind as TopicKind] ?? "slate"}>{TOPIC_KIND_LABELS[kind as TopicKind] ?? kind}</Badge>;
}

export function StatusBadge({ status }: { status: string }) {
  if (status === "APPROVED") return null; // the normal case needs no badge
  return <Badge tone={statusTone[status as TopicStatus] ?? "slate"}>{TOPIC_STATUS_LABELS[status as TopicStatus] ?? status}</Badge>;
}

export function PhaseBadge({ phase }: { phase: string }) {
  return <Badge tone={phase === "ARCHIVED" || phase === "DRAFT" ? "slate" : "green"}>{PHASE_LABELS[phase as Phase] ?? phase}</Badge>;
}
