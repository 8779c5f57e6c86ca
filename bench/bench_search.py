"""Search and list-page latency at 100,000 households, against raw sqlite3 on the same file.

Targets (issue 2): search p95 under 50 ms, and within 3× of the raw query of the same rows.
"""
from __future__ import annotations

import sqlite3

from bench.common import demo_database, demo_login, p95, plain_copy, quick, row, timings
from app.services.search import ListQuery, household_ids, household_rows
from app.store.db import apply_pragmas

RAW = {
    "name": ("select id from households where deleted = 0 and head_name like ? escape '\\' "
             "order by head_pinyin, id", "%{}%"),
    "initials": ("select id from households where deleted = 0 and head_initials like ? escape '\\' "
                 "order by head_pinyin, id", "{}%"),
    "id_number": ("select id from households where deleted = 0 and head_id_number = ? "
                  "order by head_pinyin, id", "{}"),
    "suffix": ("select id from households where deleted = 0 and (head_id_number like ? escape '\\' "
               "or head_phone like ? escape '\\') order by head_pinyin, id", "%{}"),
}


def run() -> list[dict]:
    households = 5_000 if quick() else 100_000
    folder = demo_database(households)
    ws = demo_login(folder)
    db = ws  # the services take the workspace
    raw = ws.db.connector()  # the same encrypted file, same key, same pragmas, no ORM: the baseline
    apply_pragmas(raw, None)
    plain = sqlite3.connect(str(plain_copy(ws)))
    apply_pragmas(plain, None)
    try:
        sample_id = raw.execute("select head_id_number from households limit 1 offset 777").fetchone()[0]
        cases = [("name", "陈"), ("initials", "zx"), ("id_number", sample_id), ("suffix", "4321")]
        results = []
        for kind, text in cases:
            sql, pattern = RAW[kind]
            params = (pattern.format(text),) * sql.count("?")
            ours = timings(lambda: household_ids(db, ListQuery(text=text)), 25)
            base = timings(lambda: raw.execute(sql, params).fetchall(), 25)
            assert len(household_ids(db, ListQuery(text=text))) == len(raw.execute(sql, params).fetchall())
            results.append(row(f"search p95 '{kind}' ({households:,} households)", p95(ours) * 1000, "ms",
                               "< 50 ms, ≤ 3× raw", p95(base) * 1000))
        ids = household_ids(db, ListQuery())
        page = ids[50_000 % len(ids):50_000 % len(ids) + 200]
        marks = ",".join("?" * len(page))
        raw_page = (f"select h.id, h.head_name, h.head_id_number, h.head_phone, d.name, h.group_name, "
                    f"h.consent_signed, h.updated_at from households h join divisions d on d.code = h.village_code "
                    f"where h.id in ({marks})")
        ours = timings(lambda: household_rows(db, page), 50)
        base = timings(lambda: raw.execute(raw_page, page).fetchall(), 50)
        results.append(row("list page of 200 rows p95", p95(ours) * 1000, "ms", "≤ 3× raw", p95(base) * 1000))
        ours = timings(lambda: household_ids(db, ListQuery()), 5)
        base = timings(lambda: raw.execute("select id from households where deleted = 0 order by head_pinyin, id").fetchall(), 5)
        results.append(row(f"whole-city id list ({households:,}) p95", p95(ours) * 1000, "ms",
                           "off the GUI thread", p95(base) * 1000))
        sql, pattern = RAW["name"]
        encrypted = timings(lambda: raw.execute(sql, (pattern.format("陈"),)).fetchall(), 25)
        unencrypted = timings(lambda: plain.execute(sql, (pattern.format("陈"),)).fetchall(), 25)
        results.append(row("encryption cost: raw name search, SQLCipher vs plain SQLite", p95(encrypted) * 1000,
                           "ms", "measured (issue 3)", p95(unencrypted) * 1000))
        return results
    finally:
        raw.close()
        plain.close()
        ws.close()


if __name__ == "__main__":
    from bench.run import print_table

    print_table(run())
