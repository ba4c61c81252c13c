// The timeline: dated claims in order of their period, grouped by year, each with its precision and evidence.
import { type Claim, getJson, type Page } from "../api";
import { ClaimRow, ErrorNote, Loading, useLoad } from "../components";

/** The timeline page: every dated claim, or those of one entity. */
export function TimelinePage({ entity }: { entity: string | null }) {
  const claims = useLoad(
    () => getJson<Page<Claim>>("/api/claims", { dated: true, limit: 1000, entity: entity ?? undefined }),
    [entity],
  );
  if (claims.error) return <ErrorNote error={claims.error} />;
  if (!claims.data) return <Loading what="timeline" />;
  const byYear = new Map<string, Claim[]>();
  for (const c of claims.data.items) {
    const year = c.period?.start.slice(0, 4) ?? "undated";
    byYear.set(year, [...(byYear.get(year) ?? []), c]);
  }
  return (
    <div className="timeline">
      <h1>
        Timeline ({claims.data.total} dated claims{entity ? " of one entity" : ""})
      </h1>
      {[...byYear.entries()].map(([year, list]) => (
        <section key={year}>
          <h2>{year}</h2>
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
        </section>
      ))}
    </div>
  );
}
