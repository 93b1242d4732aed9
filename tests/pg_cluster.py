"""Run pytest against a throwaway PostgreSQL cluster: initdb in a temporary folder, start it on a free
127.0.0.1 port, point PG_TEST_URL at it, run the given pytest arguments, then stop and delete it.

    python -m tests.pg_cluster tests/test_api.py tests/test_ingest.py
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


def postgres_bin() -> Path:
    found = shutil.which("pg_ctl") or next(
        iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)), None
    )
    if not found:
        sys.exit("PostgreSQL is not installed: run `make postgres` (apt-get install postgresql)")
    return Path(found).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def as_cluster_owner(command: list[str], folder: Path) -> list[str]:
    """initdb refuses to run as root: when root, run the cluster as the `postgres` user Debian creates."""
    if os.geteuid() != 0:
        return command
    owner = pwd.getpwnam("postgres")
    os.chown(folder, owner.pw_uid, owner.pw_gid)
    return ["runuser", "-u", "postgres", "--", *command]


def main(pytest_args: list[str]) -> int:
    bin_dir = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="ptt-pg-"))
    folder.chmod(0o755)
    data, port = folder / "data", free_port()
    try:
        subprocess.run(
            as_cluster_owner(
                [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync"], folder
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        subprocess.run(
            as_cluster_owner(
                [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
                folder,
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        env = {**os.environ, "PG_TEST_URL": f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"}
        print(f"PostgreSQL {bin_dir.parent.name} on 127.0.0.1:{port} (throwaway cluster in {folder})", flush=True)
        return subprocess.run([sys.executable, "-m", "pytest", *pytest_args], env=env).returncode
    finally:
        subprocess.run(
            as_cluster_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], folder),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
