"""`make bench`: ingestion throughput of the seeds, per stage (later issues extend it)."""

import tempfile
import time
from pathlib import Path

from app.ingest.clean import clean_article
from app.ingest.extract import extract_mentions
from app.ingest.published import work_out_published
from app.ingest.read import read_article
from app.ingest.types import CorpusContext


def main() -> None:
    paths = sorted(Path("seeds").iterdir())
    timings = {"read": 0.0, "clean": 0.0, "dating": 0.0, "extract": 0.0}
    rounds = 20
    context = CorpusContext()
    for _ in range(rounds):
        for path in paths:
            t0 = time.perf_counter()
            raw = read_article(path, 10**7)
            t1 = time.perf_counter()
            article = clean_article(raw)
            t2 = time.perf_counter()
            published = work_out_published(article, context)
            t3 = time.perf_counter()
            extract_mentions(article, published)
            t4 = time.perf_counter()
            for key, spent in zip(timings, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                timings[key] += spent
    total = sum(timings.values())
    n = rounds * len(paths)
    print(f"{n} articles, {n / total:.0f} articles/s without storage (tmp: {tempfile.gettempdir()})")
    for key, spent in timings.items():
        print(f"  {key:8} {1000 * spent / n:7.2f} ms/article")


if __name__ == "__main__":
    main()
