// Continuity across editions: where a revived topic came from, with that
// project's write-up beside it; and the button that revives a past topic or
// project into the edition open for proposals.
import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/action-button";
import { Card } from "@/components/ui";
import type { FormState } from "@/app/_lib/action";
import { formatEditionNumber } from "@/lib/editions/rules";
import type { Revival } from "@/lib/topics/queries";

export function RevivalNote({ revival }: { revival: Revival }) {
  const t = useTranslations("revival");
  const hex = formatEditionNumber(revival.from.editionNumber);
  const href = `/editions/${hex}/${revival.from.kind === "team" ? "teams" : "topics"}/${revival.from.id}`;
  return (
    <Card aria-labelledby="revived-from" className="space-y-2 border-l-4 border-purple-400">
      <h2 id="revived-from" className="font-bold">
        {t.rich("from", {
          hex,
          kind: revival.from.kind === "team" ? "team" : "topic",
          title: revival.from.title,
          link: (chunks) => (
            <Link href={href} className="text-indigo-800 underline">
              {chunks}
            </Link>
          ),
        })}
      </h2>
      {revival.writeUp ? (
        <div>
          <p className="text-sm text-slate-700">{t("writeUp")}</p>
          <p>
            <Link href={`/articles/${revival.writeUp.slug}`} className="font-semibold text-indigo-800 underline">
              {revival.writeUp.title}
            </Link>
          </p>
          <p className="text-slate-700">{revival.writeUp.summary}</p>
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t("noWriteUp")}</p>
      )}
    </Card>
  );
}

export function ReviveButton({ action, into }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; into: number }) {
  const t = useTranslations("revival");
  const hex = formatEditionNumber(into);
  return (
    <ActionButton
      action={action}
      pendingText={t("reviving")}
      confirm={{
        title: t("title", { hex }),
        details: t("details", { hex }),
        confirm: t("confirm"),
      }}
    >
      {t("button", { hex })}
    </ActionButton>
  );
}
