import { useTranslations } from "next-intl";
import Link from "@/components/link";

export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="font-mono text-5xl font-bold text-indigo-800">0x194</p>
      <h1 className="mt-4 text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("body")}</p>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-indigo-800 underline">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
