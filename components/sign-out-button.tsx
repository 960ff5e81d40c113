"use client";
import { useTranslations } from "next-intl";
import { announceVisitorChange } from "./visitor";

export function SignOutButton() {
  const t = useTranslations("layout");
  return (
    <button
      type="button"
      onClick={async () => {
        // loaded when needed: every page's bundle stays free of next-auth's client
        const { signOut } = await import("next-auth/react");
        await signOut({ callbackUrl: "/" });
        announceVisitorChange();
      }}
      className="shrink-0 rounded-md px-2 py-2 text-sm font-medium whitespace-nowrap text-indigo-50 underline-offset-2 hover:bg-indigo-800 hover:underline"
    >
      {t("signOut")}
    </button>
  );
}
