import Link from "next/link";

type Option = { value: string; label: string };

type Props = {
  values: { q?: string; band?: string; stage?: string; indicator?: string; from?: string; to?: string; sort?: string };
  bands: Option[];
  stages: Option[];
  indicators: Option[];
  sorts: Option[];
};

const control = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A plain GET form: filters live in the URL, so they survive reloads, can be shared and work without JavaScript. */
export function CandidateFilters({ values, bands, stages, indicators, sorts }: Props) {
  return (
    <form method="get" role="search" aria-label="Search and filter candidates" className="grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-8">
      <div className="sm:col-span-2 lg:col-span-2">
        <label htmlFor="f-q" className="block text-xs font-medium text-slate-700">Name, email or phone</label>
        <input id="f-q" name="q" type="search" defaultValue={values.q} placeholder="e.g. Jordan, jordan@example.org, +1 415 555 0100" className={control} />
      </div>
      <Select id="f-band" name="band" label="Band" value={values.band} options={bands} />
      <Select id="f-stage" name="stage" label="Stage" value={values.stage} options={stages} />
      <Select id="f-indicator" name="indicator" label="Indicator" value={values.indicator} options={indicators} />
      <div>
        <label htmlFor="f-from" className="block text-xs font-medium text-slate-700">Added from</label>
        <input id="f-from" name="from" type="date" defaultValue={values.from} className={control} />
      </div>
      <div>
        <label htmlFor="f-to" className="block text-xs font-medium text-slate-700">Added to</label>
        <input id="f-to" name="to" type="date" defaultValue={values.to} className={control} />
      </div>
      <Select id="f-sort" name="sort" label="Sort" value={values.sort ?? "newest"} options={sorts} includeAll={false} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-8">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">Apply</button>
        <Link href="/candidates" className="rounded-md px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">Clear</Link>
      </div>
    </form>
  );
}

function Select({ id, name, label, value, options, includeAll = true }: { id: string; name: string; label: string; value?: string; options: Option[]; includeAll?: boolean }) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className={control}>
        {includeAll ? <option value="">All</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}
