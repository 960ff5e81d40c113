"use client";
// The bar at the top of every page: where to go, and who you are. The same
// HTML for everyone from the server (pages stay cacheable); the visitor's
// name, role and own links appear once known (components/visitor.tsx).
// Nothing moves when they do: on a phone, the first row (the site's name and
// the visitor's) keeps its height, the menu is one row that scrolls sideways,
// and the visitor's own links come after the others.
import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { formatEditionNumber } from "@/lib/editions/rules";
import { SignOutButton } from "./sign-out-button";
import { useVisitor } from "./visitor";

const linkClass = "block rounded-md px-2 py-2 text-sm font-medium whitespace-nowrap text-indigo-50 hover:bg-indigo-800 hover:text-white";

type Props = {
  /** the edition everyone's header links to, known to the server: the current one (lib/editions/rules.ts); the home page links the other active ones */
  publicEditionNumber: number | null;
};

function SignedOutLinks() {
  const t = useTranslations("layout");
  return (
    <>
      <Link href="/signin" className={linkClass}>
        {t("signIn")}
      </Link>
      <Link href="/signup" className="rounded-md bg-white px-3 py-2 text-sm font-semibold whitespace-nowrap text-indigo-900 hover:bg-indigo-50">
        {t("signUp")}
      </Link>
    </>
  );
}

export function SiteHeader({ publicEditionNumber }: Props) {
  const t = useTranslations("layout");
  const labels = useTranslations("labels");
  const visitor = useVisitor();
  const user = visitor?.user ?? null;
  // the server's, unless the visitor's differs (while no edition is public, an organizer is shown the newest draft)
  const editionNumber = visitor?.currentEditionNumber ?? publicEditionNumber;
  return (
    <header className="bg-indigo-900 text-white print:hidden">
      {/* in reading order: the name of the site, the menu, then who you are. On a phone, two rows of fixed
          height (the site and who you are, then the menu, which scrolls sideways); wider, one row. */}
      <div className="mx-auto grid max-w-5xl grid-cols-[auto_minmax(0,1fr)] grid-rows-[2.75rem_auto] items-center gap-x-3 px-4 py-2 sm:flex sm:gap-4 sm:py-3">
        <Link href="/" className="shrink-0 text-lg font-bold tracking-tight text-white">
          <span aria-hidden="true" className="font-mono text-amber-200">
            0x
          </span>
          Hexathon
        </Link>
        {/* room around the links for their focus ring, which a scrolling box would clip */}
        <nav aria-label={t("mainMenu")} className="col-span-2 row-start-2 -mx-3.5 relative overflow-x-auto p-1.5 sm:mx-0 sm:min-w-0 sm:flex-1">
          <ul className="flex items-center gap-1">
            {editionNumber !== null && (
              <li>
                <Link href={`/editions/${formatEditionNumber(editionNumber)}`} className={linkClass}>
                  {t("edition", { number: formatEditionNumber(editionNumber) })}
                </Link>
              </li>
            )}
            <li>
              <Link href="/editions" className={linkClass}>
                {t("editions")}
              </Link>
            </li>
            <li>
              <Link href="/articles" className={linkClass}>
                {t("articles")}
              </Link>
            </li>
            {user && (
              <li>
                <Link href="/write" className={linkClass}>
                  {t("write")}
                </Link>
              </li>
            )}
            {user?.role === "ORGANIZER" && (
              <li>
                <Link href="/people" className={linkClass}>
                  {t("people")}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <div
          className="col-start-2 row-start-1 flex min-w-0 items-center justify-end gap-2 text-sm sm:shrink-0"
          data-testid="visitor"
          aria-busy={visitor === undefined}
        >
          {visitor === undefined ? (
            // not known yet: the signed-out links' room, kept invisible (hidden from screen readers and the keyboard too),
            // so that nothing is wrong for a moment and nothing moves; shown without JavaScript (app/layout.tsx)
            <div className="visitor-pending invisible flex items-center gap-2">
              <SignedOutLinks />
            </div>
          ) : user ? (
            <>
              <span className="flex min-w-0 items-center text-indigo-100">
                <Link href="/account" className="truncate font-semibold text-white underline-offset-2 hover:underline" title={t("yourAccount")}>
                  {user.name}
                </Link>
                <span className="sr-only">, </span>
                <span className="ml-1 shrink-0 rounded bg-indigo-800 px-1.5 py-0.5 text-xs">{labels(`role.${user.role}`)}</span>
              </span>
              <SignOutButton />
            </>
          ) : (
            <SignedOutLinks />
          )}
        </div>
      </div>
    </header>
  );
}
