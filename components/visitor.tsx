"use client";
// Who is reading, on the client. The root layout is the same for everyone, so
// that public pages (an article) are cached as whole pages; the few personal
// bits of every page (the header's name and links, the tournament bar) read
// the visitor from here. It is asked from /api/me once per page load and after
// each navigation (signing in navigates), and remembered in localStorage so a
// returning reader's header is right from the first frame after hydration.
import { usePathname } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";
import type { Role } from "@/lib/people/rules";
import type { Locale } from "@/lib/platform/locale";

export type Visitor = {
  /** `locale`: the language the person chose in their account, if they did */
  user: { name: string; role: Role; locale?: Locale | null } | null;
  /** the edition the header links to (the current one, lib/editions/rules.ts), if any */
  currentEditionNumber: number | null;
};

const STORAGE_KEY = "hexathon:visitor";

// one store per tab; undefined = not known yet (the server's render, the first frame)
let current: Visitor | undefined;
let readStorage = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener("storage", onOtherTab);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("storage", onOtherTab);
  };
}

/** Signed in or out in another tab: this one asks again (an unchanged answer writes nothing, so tabs don't echo each other). */
function onOtherTab(event: StorageEvent) {
  if (event.key === STORAGE_KEY || event.key === null) void refreshVisitor();
}

function snapshot(): Visitor | undefined {
  if (!readStorage) {
    readStorage = true;
    current = remembered();
  }
  return current;
}

function publish(visitor: Visitor | undefined) {
  current = visitor;
  try {
    // who, not which edition: the server's link is fresher than a remembered one
    if (visitor) window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ user: visitor.user, currentEditionNumber: null }));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // private mode or full: the header is only a moment later next time
  }
  for (const listener of listeners) listener();
}

function remembered(): Visitor | undefined {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored ? (JSON.parse(stored) as Visitor) : undefined;
  } catch {
    return undefined; // storage blocked or garbled: wait for the server
  }
}

/** The visitor, or undefined while not known (always undefined in the server's render). */
export function useVisitor(): Visitor | undefined {
  return useSyncExternalStore(subscribe, snapshot, () => undefined);
}

let asked = 0;

async function refreshVisitor() {
  // answers may come back out of order (a question asked before signing out, answered after): the last one asked wins
  const ask = ++asked;
  try {
    const response = await fetch("/api/me", { cache: "no-store", credentials: "same-origin" });
    if (response.ok) {
      const visitor = (await response.json()) as Visitor;
      if (ask === asked) publish(visitor);
      showInChosenLanguage(visitor);
      return;
    }
  } catch {
    // offline: keep what we know
  }
  // no answer and nothing known: the header offers to sign in rather than keep its room empty (not remembered)
  if (current === undefined) {
    current = { user: null, currentEditionNumber: null };
    for (const listener of listeners) listener();
  }
}

const RELOADED_KEY = "hexathon:locale-reload";

/**
 * Signed in on a browser that showed another language: /api/me has just set the account's in the
 * cookie, and the page is loaded again in it. Once per tab and language, in case the cookie can't be kept.
 */
function showInChosenLanguage(visitor: Visitor) {
  const chosen = visitor.user?.locale;
  if (!chosen || chosen === document.documentElement.lang) return;
  try {
    if (window.sessionStorage.getItem(RELOADED_KEY) === chosen) return;
    window.sessionStorage.setItem(RELOADED_KEY, chosen);
  } catch {
    return; // no storage: no way to tell a second reload from the first
  }
  window.location.reload();
}

/** The session changed without a navigation (signed in or out): forget who it was and ask again. */
export function announceVisitorChange() {
  publish(undefined);
  void refreshVisitor();
}

/** Asks who is reading on each page load and navigation; renders nothing. */
export function VisitorSync() {
  const pathname = usePathname();
  useEffect(() => {
    void refreshVisitor();
  }, [pathname]);
  return null;
}
