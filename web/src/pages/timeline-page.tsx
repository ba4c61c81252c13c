// The timeline by period: the years (and a year's months) with how many dated claims start in each, and the
// claims of the chosen period a page at a time, in order of their period, each with its precision and
// evidence. The address keeps the period and the page (`?period=2023-04&page=2`); the busiest year opens first.
import { type Claim, getJson, type Page } from "../api";
import { ClaimRow, ErrorNote, Loading, Pager, useLoad } from "../components";
import { hrefWith, pageOf } from "../router";

interface Periods {
  total: number;
  years: Array<{ period: string; count: number; months: Array<{ period: string; count: number }> }>;
}

/** Dated claims per page. */
const PAGE_SIZE = 50;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The timeline page: every dated claim, or those of one entity (`?entity=`). */
export function TimelinePage({ query }: { query: URLSearchParams }) {
  const entity = query.get("entity") ?? undefined;
  const page = pageOf(query);
  const periods = useLoad(() => getJson<Periods>("/api/timeline", { entity }), [entity]);
  const years = periods.data?.years ?? [];
  // The busiest year opens first: a stray date far off (a plan for 2030) would otherwise open on one claim.
  const busiest = years.reduce<Periods["years"][number] | null>(
    (best, y) => (!best || y.count > best.count ? y : best),
    null,
  );
  const period = query.get("period") ?? busiest?.period ?? null;
  const claims = useLoad(
    () =>
      period
        ? getJson<Page<Claim>>("/api/claims", {
            dated: true,
            startsIn: period,
            entity,
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
          })
        : Promise.resolve(null),
    [period, page, entity],
  );
  if (periods.error) return <ErrorNote error={periods.error} />;
  if (!periods.data) return <Loading what="timeline" />;
  const year = years.find((y) => period?.startsWith(y.period));
  const most = Math.max(1, ...years.map((y) => y.count));
  const byMonth = new Map<string, Claim[]>();
  for (const c of claims.data?.items ?? []) {
    const month = c.period?.start.slice(0, 7) ?? "";
    byMonth.set(month, [...(byMonth.get(month) ?? []), c]);
  }
  return (
    <div className="timeline">
      <h1>
        Timeline ({periods.data.total} dated claims{entity ? " of one entity" : ""})
      </h1>
      {years.length === 0 ? <p className="muted">No dated claims.</p> : null}
      <nav className="periods" aria-label="years">
        {years.map((y) => (
          <a
            key={y.period}
            href={hrefWith({ period: y.period, page: undefined })}
            className={year?.period === y.period ? "period active" : "period"}
            data-period={y.period}
          >
            <span className="bar" style={{ width: `${Math.round((60 * y.count) / most)}px` }} /> {y.period}{" "}
            <span className="muted">{y.count}</span>
          </a>
        ))}
      </nav>
      {year ? (
        <nav className="periods months" aria-label="months">
          <a
            href={hrefWith({ period: year.period, page: undefined })}
            className={period === year.period ? "period active" : "period"}
          >
            all of {year.period}
          </a>
          {year.months.map((m) => (
            <a
              key={m.period}
              href={hrefWith({ period: m.period, page: undefined })}
              className={period === m.period ? "period active" : "period"}
              data-period={m.period}
            >
              {MONTHS[Number(m.period.slice(5, 7)) - 1]} <span className="muted">{m.count}</span>
            </a>
          ))}
        </nav>
      ) : null}
      <ErrorNote error={claims.error} />
      {claims.data ? (
        <section data-period={period ?? ""}>
          <h2>
            {period} <span className="muted">({claims.data.total} claims)</span>
          </h2>
          <Pager page={page} pageSize={PAGE_SIZE} total={claims.data.total} />
          {[...byMonth].map(([month, list]) => (
            <div key={month}>
              <h3>
                {MONTHS[Number(month.slice(5, 7)) - 1]} {month.slice(0, 4)}
              </h3>
              <ul className="plain">
                {list.map((c) => (
                  <li key={c.id} className="timeline-item">
                    <div className="when">
                      {c.period?.text}{" "}
                      <span className="muted">
                        ({c.period?.precision}: {c.period?.start} – {c.period?.end})
                      </span>
                    </div>
                    <ul className="plain">
                      <ClaimRow claim={c} onDecided={claims.reload} review={false} />
                    </ul>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <Pager page={page} pageSize={PAGE_SIZE} total={claims.data.total} />
        </section>
      ) : period ? (
        <Loading what="claims" />
      ) : null}
    </div>
  );
}
