import Link from "@/components/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="font-mono text-5xl font-bold text-indigo-800">0x194</p>
      <h1 className="mt-4 text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-700">There is nothing at this address. It may have moved, or never existed.</p>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-indigo-800 underline">
          Back to the home page
        </Link>
      </p>
    </div>
  );
}
