// Continuity across editions: where a revived topic came from, with that
// project's write-up beside it; and the button that revives a past topic or
// project into the edition open for proposals.
import Link from "@/components/link";
import { ActionButton } from "@/components/action-button";
import { Card } from "@/components/ui";
import type { FormState } from "@/app/_lib/action";
import { formatEditionNumber } from "@/lib/editions/rules";
import type { Revival } from "@/lib/topics/queries";

export function RevivalNote({ revival }: { revival: Revival }) {
  const hex = formatEditionNumber(revival.from.editionNumber);
  const href = `/editions/${hex}/${revival.from.kind === "team" ? "teams" : "topics"}/${revival.from.id}`;
  return (
    <Card aria-labelledby="revived-from" className="space-y-2 border-l-4 border-purple-400">
      <h2 id="revived-from" className="font-bold">
        Revived from {hex}:{" "}
        <Link href={href} className="text-indigo-800 underline">
          {revival.from.kind === "team" ? `team ${revival.from.title}'s project` : revival.from.title}
        </Link>
      </h2>
      {revival.writeUp ? (
        <div>
          <p className="text-sm text-slate-700">Its write-up:</p>
          <p>
            <Link href={`/articles/${revival.writeUp.slug}`} className="font-semibold text-indigo-800 underline">
              {revival.writeUp.title}
            </Link>
          </p>
          <p className="text-slate-700">{revival.writeUp.summary}</p>
        </div>
      ) : (
        <p className="text-sm text-slate-700">No write-up was published then.</p>
      )}
    </Card>
  );
}

export function ReviveButton({ action, into }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; into: number }) {
  const hex = formatEditionNumber(into);
  return (
    <ActionButton
      action={action}
      pendingText="Reviving…"
      confirm={{
        title: `Revive it in ${hex}?`,
        details: `It becomes your proposal in ${hex}, with a link back here; you can then adapt its pitch.`,
        confirm: "Revive",
      }}
    >
      Revive in {hex}
    </ActionButton>
  );
}
