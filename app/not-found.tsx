import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-bold">We couldn&apos;t find that page</h1>
      <Link href="/candidates" className="mt-6 inline-block text-sm font-semibold text-brand-600 hover:underline">
        Back to candidates
      </Link>
    </main>
  );
}
