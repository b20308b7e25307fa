import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-red-700">403 — Not allowed</p>
      <h1 className="mt-2 text-2xl font-bold">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-slate-600">Your role doesn&apos;t include this permission. Ask an administrator if you need it.</p>
      <Link href="/candidates" className="mt-6 inline-block text-sm font-semibold text-brand-600 hover:underline">
        Back to candidates
      </Link>
    </main>
  );
}
