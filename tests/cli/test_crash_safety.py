#!/usr/bin/python3
"""palier-cli killed with SIGKILL at random moments never damages a
workspace: after each kill the workspace opens, passes sqlite's
integrity check and contains exactly what it contained before the
command or what the command would have written.

The moments are drawn from a fixed seed, spread over the command's
measured duration (and a little past it, so that some kills land after
the end).  Set PALIER_CRASH_KILLS to change the number of kills."""

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import palier_e2e
from palier_e2e import run_cli

KILLS = int(os.environ.get("PALIER_CRASH_KILLS", "50"))
SEED = 20261204


def workspace_state(path):
    """Return the integrity check and the contents of a workspace, as
    numbers that any lost or half-written row would change."""
    with sqlite3.connect("file:%s?mode=ro" % path, uri=True) as db:
        check = db.execute("PRAGMA integrity_check").fetchall()
        state = {
            "transactions": db.execute("SELECT count (*), coalesce (sum (amount), 0) FROM transactions").fetchone(),
            "month_totals": db.execute("SELECT count (*), coalesce (sum (amount), 0), coalesce (sum (lines), 0) FROM month_totals").fetchone(),
            "imports": db.execute("SELECT count (*) FROM imports").fetchone(),
            "partners": db.execute("SELECT count (*) FROM partners").fetchone(),
            "programs": db.execute("SELECT id, xml FROM programs ORDER BY id").fetchall(),
            "versions": db.execute("SELECT count (*) FROM program_versions").fetchone(),
            "scenarios": db.execute("SELECT id, assumptions FROM scenarios ORDER BY id").fetchall(),
            "runs": db.execute("SELECT scenario_id, sales, payout, cost, length (result),"
                               " length (program_xml) FROM scenario_runs ORDER BY id").fetchall(),
        }
    db.close()
    return check, state


def file_digest(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


class CrashSafetyTest(palier_e2e.CliTestCase):

    def setUp(self):
        super().setUp()
        self.random = random.Random(SEED)
        self.base = self.tmp_path("base.palier")
        small = self.tmp_path("small.csv")
        with open(small, "w", encoding="utf-8") as stream:
            stream.write("date,partner,amount\n2024-01-05,P1,100.50\n2024-02-07,P2,250.25\n")
        run_cli("import", "--workspace", self.base, "--sales", small)
        flat = self.tmp_path("flat.xml")
        with open(flat, "w", encoding="utf-8") as stream:
            stream.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                         '<program xmlns="urn:palier:program:1" id="flat" name="Flat"'
                         ' currency="EUR" period="quarter">\n'
                         '  <commission id="base" name="Base" basis="amount" method="marginal">\n'
                         '    <tier from="0" rate="0.05"/>\n'
                         '  </commission>\n'
                         '</program>\n')
        run_cli("program", "add", "--workspace", self.base, flat)

    def open_after_kill(self, path):
        """Open the workspace as the next user would (palier-cli rolls
        back what the killed command left), then read its state."""
        run_cli("imports", "list", "--workspace", path)
        check, state = workspace_state(path)
        self.assertEqual(check, [("ok",)], "integrity check of %s" % path)
        return state

    def kill_at(self, argv, moment):
        """Run @argv, kill it with SIGKILL after @moment seconds, and
        return whether it ended on its own first."""
        child = subprocess.Popen([palier_e2e.CLI, *argv],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            child.wait(timeout=moment)
            self.assertEqual(child.returncode, 0)
            return True
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            child.wait()
            return False

    def duration(self, argv, path, base):
        shutil.copyfile(base, path)
        start = time.monotonic()
        run_cli(*argv)
        return time.monotonic() - start

    def run_kills(self, name, argv_for, base=None):
        """Kill the command KILLS times and check that each workspace
        contains the state before or the state after.  Return how many
        kills interrupted it."""
        base = base or self.base
        path = self.tmp_path(name + ".palier")
        _, before = workspace_state(base)
        duration = self.duration(argv_for(path), path, base)
        _, after = workspace_state(path)
        self.assertNotEqual(before, after)

        interrupted = 0
        kept_after = 0
        for _ in range(KILLS):
            for suffix in ("", "-journal", "-wal", "-shm"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
            shutil.copyfile(base, path)
            moment = self.random.uniform(0.0, duration * 1.1)
            finished = self.kill_at(argv_for(path), moment)
            state = self.open_after_kill(path)
            if finished:
                self.assertEqual(state, after)
            else:
                interrupted += 1
                self.assertIn(state, (before, after),
                              "%s killed after %.3f s" % (name, moment))
                kept_after += state == after
        print("%s: %d kills, %d interrupted the command (%d of them after its"
              " commit), %.3f s per run" % (name, KILLS, interrupted, kept_after, duration))
        # On a loaded machine the runs can last longer or shorter than
        # the measured one, so only a fifth of the kills must land inside.
        self.assertGreater(interrupted, KILLS // 5)
        return interrupted

    def write_big_sales(self):
        big = self.tmp_path("big.csv")
        rows = random.Random(SEED)
        with open(big, "w", encoding="utf-8") as stream:
            stream.write("date,partner,amount,category,region\n")
            for i in range(200000):
                stream.write("2025-%02d-%02d,Q%d,%d.%02d,C%d,R%d\n"
                             % (rows.randint(1, 12), rows.randint(1, 28), rows.randint(1, 3000),
                                rows.randint(0, 5000), rows.randint(0, 99),
                                rows.randint(1, 9), rows.randint(1, 4)))
        return big

    def test_import(self):
        big = self.write_big_sales()
        self.run_kills("import", lambda path: ["import", "--workspace", path, "--sales", big])

    def test_scenario_run(self):
        # A scenario with growth on 200 000 lines, so that a run reads
        # and writes long enough to be cut.
        base = self.tmp_path("scenario-base.palier")
        shutil.copyfile(self.base, base)
        run_cli("import", "--workspace", base, "--sales", self.write_big_sales())
        run_cli("scenario", "create", "grow", "--workspace", base, "--program", "flat",
                "--growth", "8", "--category-growth", "C3=-5", "--add", "NEW=Q7*1.5")
        self.run_kills("scenario-run",
                       lambda path: ["scenario", "run", "grow", "--workspace", path], base)

    def test_program_save(self):
        # A program with many components, so that a save takes long
        # enough to be cut.
        program = self.tmp_path("large.xml")
        with open(program, "w", encoding="utf-8") as stream:
            stream.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                         '<program xmlns="urn:palier:program:1" id="large" name="Large"'
                         ' currency="EUR" period="quarter">\n')
            for c in range(400):
                stream.write('  <commission id="c%d" name="Commission %d" basis="amount" method="marginal">\n'
                             % (c, c))
                for t in range(20):
                    stream.write('    <tier from="%d" rate="0.0%d"/>\n' % (t * 1000, t % 10))
                stream.write('  </commission>\n')
            stream.write('</program>\n')
        self.run_kills("program-save",
                       lambda path: ["program", "add", "--workspace", path, program])

    def test_workspace_unchanged_by_reads(self):
        # Killing a command that only reads never changes the file.
        path = self.tmp_path("read.palier")
        shutil.copyfile(self.base, path)
        digest = file_digest(path)
        for _ in range(10):
            self.kill_at(["simulate", "--workspace", path, "--program", "flat"],
                         self.random.uniform(0.0, 0.05))
        self.assertEqual(file_digest(path), digest)


if __name__ == "__main__":
    if palier_e2e.CLI_WRAPPER:
        # The kill moments come from the command's own duration, which a
        # wrapper such as valgrind stretches twentyfold.
        print("skipped under a wrapper (%s)" % " ".join(palier_e2e.CLI_WRAPPER[:1]),
              file=sys.stderr)
        sys.exit(palier_e2e.SKIP_STATUS)
    palier_e2e.main()
