// Badges for the hackathon's vocabulary.
import { useTranslations } from "next-intl";
import { PHASE_LABELS, type Phase } from "@/lib/editions/rules";
import { TOPIC_KIND_LABELS, TOPIC_STATUS_LABELS, type TopicKind, type TopicStatus } from "@/lib/topics/rules";
import { Badge } from "./ui";

const kindTone = { KILLER_FEATURE: "purple", TEAM_TOOLING: "indigo", FUN: "amber" } as const;
const statusTone = { PENDING: "slate", APPROVED: "green", REJECTED: "red", MERGED: "slate" } as const;

const isKind = (kind: string): kind is TopicKind => kind in TOPIC_KIND_LABELS;
const isStatus = (status: string): status is TopicStatus => status in TOPIC_STATUS_LABELS;
const isPhase = (phase: string): phase is Phase => phase in PHASE_LABELS;

export function KindBadge({ kind }: { kind: string }) {
  const t = useTranslations("labels");
  return <Badge tone={kindTone[kind as TopicKind] ?? "slate"}>{isKind(kind) ? t(`topicKind.${kind}`) : kind}</Badge>;
}

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("labels");
  if (status === "APPROVED") return null; // the normal case needs no badge
  return <Badge tone={statusTone[status as TopicStatus] ?? "slate"}>{isStatus(status) ? t(`topicStatus.${status}`) : status}</Badge>;
}

export function PhaseBadge({ phase }: { phase: string }) {
  const t = useTranslations("labels");
  return <Badge tone={phase === "ARCHIVED" || phase === "DRAFT" ? "slate" : "green"}>{isPhase(phase) ? t(`phase.${phase}`) : phase}</Badge>;
}
