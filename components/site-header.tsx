"use client";
// The bar at the top of every page: where to go, and who you are. The same
// HTML for everyone from the server (pages stay cacheable); the visitor's
// name, role and links appear once known (components/visitor.tsx).
import Link from "next/link";
import { ROLE_LABELS, formatEditionNumber } from "@/lib/domain";
import { SignOutButton } from "./sign-out-button";
import { useVisitor } from "./visitor";

const linkClass = "rounded-md px-2 py-2 text-sm font-medium text-indigo-50 hover:bg-indigo-800 hover:text-white";

export function SiteHeader() {
  const visitor = useVisitor();
  const user = visitor?.user ?? null;
  const currentEditionNumber = visitor?.currentEditionNumber ?? null;
  return (
    <header className="bg-indigo-900 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="mr-2 text-lg font-bold tracking-tight text-white">
          <span aria-hidden="true" className="font-mono text-amber-200">
            0x
          </span>
          Hexathon
        </Link>
        <nav aria-label="Main" className="flex flex-1 flex-wrap items-center gap-1">
          {currentEditionNumber !== null && (
            <Link href={`/editions/${formatEditionNumber(currentEditionNumber)}`} className={linkClass}>
              Edition {formatEditionNumber(currentEditionNumber)}
            </Link>
          )}
          <Link href="/editions" className={linkClass}>
            Editions
          </Link>
          <Link href="/articles" className={linkClass}>
            Articles
          </Link>
          {user && (
            <Link href="/write" className={linkClass}>
              Write
            </Link>
          )}
          {user?.role === "ORGANIZER" && (
            <Link href="/people" className={linkClass}>
              People
            </Link>
          )}
        </nav>
        <div className="flex min-h-9 items-center gap-2 text-sm" data-testid="visitor" aria-busy={visitor === undefined}>
          {visitor === undefined ? (
            // not known yet: nothing that could be wrong for a moment; without JavaScript, a way in
            <noscript>
              <Link href="/signin" className={linkClass}>
                Sign in
              </Link>
            </noscript>
          ) : user ? (
            <>
              <span className="text-indigo-100">
                <span className="font-semibold text-white">{user.name}</span>
                <span className="sr-only">, </span>
                <span className="ml-1 rounded bg-indigo-800 px-1.5 py-0.5 text-xs">{ROLE_LABELS[user.role]}</span>
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className={linkClass}>
                Sign in
              </Link>
              <Link href="/signup" className="rounded-md bg-white px-3 py-2 text-sm font-semibold text-indigo-900 hover:bg-indigo-50">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
