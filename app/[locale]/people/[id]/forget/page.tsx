// Organizers forget a person who left the company: they choose, per article,
// whether its byline keeps the name; everything else personal goes, what the
// person cast and did stays counted (lib/people/portability.ts).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { requireUser } from "@/app/_lib/session";
import { getDb } from "@/app/_lib/db";
import { Alert, NotAllowed, PageHeader } from "@/components/ui";
import { ForgetForm } from "@/components/forget-form";
import { isOrganizer } from "@/lib/people/rules";
import { forgetPreview } from "@/lib/people/portability";
import { DomainError } from "@/lib/platform/errors";
import { forgetPersonAction } from "./actions";
import { translator } from "@/app/_lib/translate";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people.forget");
  return { title: t("title"), robots: { index: false } };
}

export default async function ForgetPage({ params }: { params: Promise<{ id: string }> }) {
  const say = await translator();
  const { id } = await params;
  const user = await requireUser(`/people/${id}/forget`);
  const t = await getTranslations("people");
  if (!isOrganizer(user)) return <NotAllowed title={t("forget.title")}>{t("forget.notAllowed")}</NotAllowed>;
  let person: Awaited<ReturnType<typeof forgetPreview>> | null = null;
  let problem: string | null = null;
  try {
    person = await forgetPreview(getDb(), user, id.slice(0, 64));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problem = say(error.message);
  }
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader eyebrow={<Link href="/people">{t("title")}</Link>} title={person ? t("forget.titleNamed", { name: person.name }) : t("forget.title")} />
      {!person ? (
        <Alert>{problem}</Alert>
      ) : (
        <>
          <p className="text-slate-700">
            {t("forget.intro", { topics: person._count.topics, memberships: person._count.memberships, judgments: person._count.judgments })}
          </p>
          {person.id === user.id ? (
            <Alert>{t("forget.notYourself")}</Alert>
          ) : (
            <ForgetForm
              action={forgetPersonAction.bind(null, person.id)}
              name={person.name}
              email={person.email}
              articles={person.authorships.map((a) => ({ id: a.article.id, title: a.article.title, byline: a.name }))}
            />
          )}
        </>
      )}
    </div>
  );
}
