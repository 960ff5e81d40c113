"use client";
// Light, dark, or as the system says: remembered in this browser, applied to
// <html data-theme> (app/layout.tsx sets it before the first paint).
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { THEME_KEY } from "@/lib/platform/theme-script";

type Choice = "system" | "light" | "dark";

function apply(choice: Choice) {
  const dark = choice === "dark" || (choice === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  if (dark && !location.pathname.startsWith("/display/")) document.documentElement.dataset.theme = "dark";
  else delete document.documentElement.dataset.theme;
}

export function ThemeSwitch() {
  const t = useTranslations("layout");
  const [choice, setChoice] = useState<Choice>("system");

  useEffect(() => {
    const stored = (localStorage.getItem(THEME_KEY) as Choice | null) ?? "system";
    // the stored choice is only readable in the browser, after hydration
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setChoice(stored);
    const media = matchMedia("(prefers-color-scheme: dark)");
    const follow = () => apply((localStorage.getItem(THEME_KEY) as Choice | null) ?? "system");
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, []);

  return (
    <label className="inline-flex items-center gap-2 text-sm">
      {t("theme")}
      <select
        value={choice}
        onChange={(e) => {
          const next = e.target.value as Choice;
          setChoice(next);
          localStorage.setItem(THEME_KEY, next);
          apply(next);
        }}
        className="rounded-md bg-white px-2 py-1 text-slate-900 ring-1 ring-slate-300"
      >
        <option value="system">{t("themeSystem")}</option>
        <option value="light">{t("themeLight")}</option>
        <option value="dark">{t("themeDark")}</option>
      </select>
    </label>
  );
}
