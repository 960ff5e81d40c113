"use client";
import { signOut } from "next-auth/react";
import { announceVisitorChange } from "./visitor";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        await signOut({ callbackUrl: "/" });
        announceVisitorChange();
      }}
      className="rounded-md px-2 py-2 text-sm font-medium text-indigo-50 underline-offset-2 hover:bg-indigo-800 hover:underline"
    >
      Sign out
    </button>
  );
}
