#!/usr/bin/env python3
"""The same work as `cargo bench --bench report_speed`, done as a user would script it with
pandas, Python polars and DuckDB, timed in one interleaved run with our release binary, so the
ratios in DESIGN.md's budget can be measured on this machine.

The work: read the generated file, then the overall NPS with its adjusted-Wald 95% interval and
the NPS per value of two segment columns (sector, region). Each tool runs in a fresh process, as
our `report` command does.

Set-up: `pip install pandas openpyxl polars duckdb fastexcel`, then `cargo bench --bench report_speed`
(which writes the files into target/bench-data/), then run this script from the project folder:
`python3 benches/peers.py [runs]`.
"""

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "target" / "bench-data"
CSV = DATA / "responses-1m.csv"
XLSX = DATA / "responses-100k.xlsx"
STREAMED = DATA / "responses-100k-streamed.xlsx"
BINARY = ROOT / "target" / "release" / "nps-workbench"

NPS_PY = """
import math
def nps(d, pa, p):
    n = d + pa + p
    d2, pa2, p2 = d + 0.75, pa + 1.5, p + 0.75
    m = n + 3
    centre = (p2 - d2) / m
    var = (p2 + d2) / m - centre * centre
    half = 1.959964 * math.sqrt(var / m)
    return 100 * (p - d) / n, 100 * max(-1, centre - half), 100 * min(1, centre + half)
"""

PANDAS = NPS_PY + """
import pandas as pd
df = pd.read_csv(PATH) if PATH.endswith('.csv') else pd.read_excel(PATH)
s = pd.to_numeric(df['nps_score'], errors='coerce')
df = df[s.notna() & (s >= 0) & (s <= 10)].assign(score=s)
df['group'] = pd.cut(df['score'], [-1, 6, 8, 10], labels=['d', 'pa', 'p'])
print(nps(*[(df['group'] == g).sum() for g in ['d', 'pa', 'p']]))
for by in ['sector', 'region']:
    t = df.groupby([by, 'group'], observed=False).size().unstack(fill_value=0)
    for key, row in t.iterrows():
        print(by, key, nps(row['d'], row['pa'], row['p']))
"""

POLARS = NPS_PY + """
import polars as pl
df = pl.read_csv(PATH, infer_schema_length=10000) if PATH.endswith('.csv') else pl.read_excel(PATH, engine='calamine')
df = df.with_columns(pl.col('nps_score').cast(pl.Float64, strict=False).alias('score')).filter(pl.col('score').is_between(0, 10))
g = pl.when(pl.col('score') <= 6).then(pl.lit('d')).when(pl.col('score') <= 8).then(pl.lit('pa')).otherwise(pl.lit('p'))
df = df.with_columns(g.alias('group'))
c = df.group_by('group').len()
counts = {r['group']: r['len'] for r in c.iter_rows(named=True)}
print(nps(counts.get('d', 0), counts.get('pa', 0), counts.get('p', 0)))
for by in ['sector', 'region']:
    t = df.group_by([by, 'group']).len()
    per = {}
    for r in t.iter_rows(named=True):
        per.setdefault(r[by], {})[r['group']] = r['len']
    for key, v in sorted(per.items()):
        print(by, key, nps(v.get('d', 0), v.get('pa', 0), v.get('p', 0)))
"""

DUCKDB = NPS_PY + """
import duckdb
con = duckdb.connect()
con.execute(f"create view t as select * from read_csv_auto('{PATH}')")
q = '''select {key} k,
  sum(case when s <= 6 then 1 else 0 end) d, sum(case when s in (7, 8) then 1 else 0 end) pa,
  sum(case when s >= 9 then 1 else 0 end) p
  from (select *, try_cast(nps_score as double) s from t) where s between 0 and 10 group by all'''
print([nps(*r[1:]) for r in con.execute(q.format(key="'all'")).fetchall()])
for by in ['sector', 'region']:
    for r in con.execute(q.format(key=by)).fetchall():
        print(by, r[0], nps(*r[1:]))
"""


def timed(command):
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {result.stderr.strip()}")
    return elapsed


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    for path in (CSV, XLSX, STREAMED):
        tools = {
            "nps-workbench": [str(BINARY), "report", str(path), "--by", "sector", "--by", "region", "--json"],
            "pandas": [sys.executable, "-c", f"PATH={str(path)!r}\n" + PANDAS],
            "polars": [sys.executable, "-c", f"PATH={str(path)!r}\n" + POLARS],
        }
        if path.suffix == ".csv":
            tools["duckdb"] = [sys.executable, "-c", f"PATH={str(path)!r}\n" + DUCKDB]
        times = {name: [] for name in tools}
        for _ in range(runs):
            for name, command in tools.items():
                times[name].append(timed(command))
        ours = statistics.median(times["nps-workbench"])
        print(f"{path.name}: median of {runs} interleaved runs")
        for name, values in times.items():
            median = statistics.median(values)
            print(f"  {name:14} {median * 1000:8.0f} ms   ours / this = {ours / median:.2f}")


if __name__ == "__main__":
    main()
