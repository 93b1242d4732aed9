"""`make bench` (`python -m app.bench`): the benchmark of issue 7; the code is in the `app.benchmarks` package."""

import sys

from app.benchmarks.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
