#!/usr/bin/python3
"""Tests palier-cli against faults of the machine and of the file.

The faults are a full disk during an import or a save, a read-only
workspace, one locked by another program, a file that is not a
workspace, one written by a newer Palier and a truncated one.  Each
gets a message that names the file and what to do next.  The workspace
keeps exactly what it contained."""

import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import subprocess

import palier_e2e
from palier_e2e import run_cli

PROGRAM = """<?xml version="1.0" encoding="UTF-8"?>
<program xmlns="urn:palier:program:1" id="flat" name="Flat"
         currency="EUR" period="quarter">
  <commission id="base" name="Base" basis="amount" method="marginal">
    <tier from="0" rate="0.05"/>
  </commission>
</program>
"""

OTHER_PROGRAM = PROGRAM.replace('id="flat" name="Flat"', 'id="other" name="Other"')


def file_digest(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def size_limit(limit):
    """Return a preexec function that caps the size of any file the
    child writes, as a full disk would.  SIGXFSZ keeps its default
    action, which kills the process, so palier-cli must ignore it
    itself to report the failed write."""
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


class FaultsTest(palier_e2e.CliTestCase):

    def setUp(self):
        super().setUp()
        self.locked_folders = []
        self.workspace = self.tmp_path("work.palier")
        self.sales = self.write("sales.csv",
                                "date,partner,amount\n2024-01-05,P1,100.50\n2024-02-07,P2,250.25\n")
        self.program = self.write("flat.xml", PROGRAM)
        self.other_program = self.write("other.xml", OTHER_PROGRAM)
        run_cli("import", "--workspace", self.workspace, "--sales", self.sales)
        run_cli("program", "add", "--workspace", self.workspace, self.program)
        self.big = self.tmp_path("big.csv")
        with open(self.big, "w", encoding="utf-8") as stream:
            stream.write("date,partner,amount\n")
            for i in range(100000):
                stream.write("2025-%02d-%02d,Q%d,%d.%02d\n"
                             % (i % 12 + 1, i % 28 + 1, i % 3000, i % 997, i % 100))

    def tearDown(self):
        # Without write access to a folder, no account but root could
        # remove the test's files.
        for folder in self.locked_folders:
            os.chmod(folder, 0o755)
        super().tearDown()

    def write(self, name, text):
        path = self.tmp_path(name)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
        return path

    def state(self):
        with sqlite3.connect("file:%s?mode=ro" % self.workspace, uri=True) as db:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchall(), [("ok",)])
            state = (db.execute("SELECT count (*), sum (amount) FROM transactions").fetchone(),
                     db.execute("SELECT count (*), sum (amount) FROM month_totals").fetchone(),
                     db.execute("SELECT count (*) FROM imports").fetchone(),
                     db.execute("SELECT id, xml FROM programs ORDER BY id").fetchall(),
                     db.execute("SELECT count (*) FROM program_versions").fetchone())
        db.close()
        return state

    def run_limited(self, limit, *args):
        return subprocess.run([*palier_e2e.CLI_WRAPPER, palier_e2e.CLI, *args],
                              capture_output=True, text=True, timeout=600,
                              preexec_fn=size_limit(limit))

    def assert_message(self, process, *parts):
        # A negative code is a signal, such as SIGXFSZ past a size limit.
        self.assertGreater(process.returncode, 0, process.stderr)
        self.assertIn(os.path.basename(self.workspace), process.stderr)
        for part in parts:
            self.assertIn(part, process.stderr)
        self.assertNotIn("workspace error", process.stderr)

    # Full disk

    def test_full_disk_during_import(self):
        before = self.state()
        process = self.run_limited(os.path.getsize(self.workspace) + 64 * 1024,
                                   "import", "--workspace", self.workspace, "--sales", self.big)
        self.assert_message(process, "then try again" if "limit" in process.stderr else "free some space")
        self.assertEqual(self.state(), before)

        # With room again, the same import goes through.
        run_cli("import", "--workspace", self.workspace, "--sales", self.big)
        self.assertEqual(self.state()[0][0], before[0][0] + 100000)

    def test_full_disk_during_save(self):
        before = self.state()
        process = self.run_limited(1024, "program", "add", "--workspace", self.workspace,
                                   self.other_program)
        self.assert_message(process, "then try again" if "limit" in process.stderr else "free some space")
        self.assertEqual(self.state(), before)

    # Read-only, locked

    def test_read_only(self):
        before = self.state()
        digest = file_digest(self.workspace)
        os.chmod(self.workspace, 0o444)
        prefix = []
        if os.geteuid() == 0:
            # root writes through file modes: run as nobody instead.
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                self.skipTest("running as root without setpriv")
            os.chmod(self.tmp, 0o755)
            for path in (self.big, self.other_program):
                os.chmod(path, 0o644)
            prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        process = subprocess.run([*prefix, palier_e2e.CLI, "import", "--workspace",
                                  self.workspace, "--sales", self.big],
                                 capture_output=True, text=True, timeout=600)
        self.assert_message(process, "read-only")
        process = subprocess.run([*prefix, palier_e2e.CLI, "program", "add", "--workspace",
                                  self.workspace, self.other_program],
                                 capture_output=True, text=True, timeout=600)
        self.assert_message(process, "read-only")

        # Reading still works.
        process = subprocess.run([*prefix, palier_e2e.CLI, "simulate", "--workspace",
                                  self.workspace, "--program", "flat"],
                                 capture_output=True, text=True, timeout=600)
        self.assertEqual(process.returncode, 0, process.stderr)
        self.assertEqual(file_digest(self.workspace), digest)
        os.chmod(self.workspace, 0o644)
        self.assertEqual(self.state(), before)

    def as_other_user(self):
        """Return the command prefix that runs palier-cli as a user whom
        file modes bind: nobody when the tests run as root."""
        if os.geteuid() != 0:
            return []
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            self.skipTest("running as root without setpriv")
        return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]

    def lock_folder(self, folder, workspace):
        """Make @workspace and its @folder read-only, as a shared drive
        mounted for reading is, until the test ends."""
        # No connection is open, so the shared-memory file is stale.
        if os.path.exists(workspace + "-shm"):
            os.remove(workspace + "-shm")
        if os.path.exists(workspace + "-wal") and os.path.getsize(workspace + "-wal") == 0:
            os.remove(workspace + "-wal")
        os.chmod(workspace, 0o444)
        os.chmod(folder, 0o555)
        self.locked_folders.append(folder)

    def test_read_only_folder(self):
        before = self.state()
        digest = file_digest(self.workspace)
        prefix = self.as_other_user()
        self.lock_folder(self.tmp, self.workspace)

        process = subprocess.run([*prefix, palier_e2e.CLI, "simulate", "--workspace",
                                  self.workspace, "--program", "flat"],
                                 capture_output=True, text=True, timeout=600)
        self.assertEqual(process.returncode, 0, process.stderr)
        self.assertIn("Flat", process.stdout)
        process = subprocess.run([*prefix, palier_e2e.CLI, "program", "list", "--workspace",
                                  self.workspace],
                                 capture_output=True, text=True, timeout=600)
        self.assertEqual(process.returncode, 0, process.stderr)
        self.assertIn("flat", process.stdout)
        process = subprocess.run([*prefix, palier_e2e.CLI, "import", "--workspace",
                                  self.workspace, "--sales", self.sales],
                                 capture_output=True, text=True, timeout=600)
        self.assert_message(process, "read-only")

        self.assertFalse(os.path.exists(self.workspace + "-shm"))
        self.assertEqual(file_digest(self.workspace), digest)
        os.chmod(self.tmp, 0o755)
        os.chmod(self.workspace, 0o644)
        self.assertEqual(self.state(), before)

    def test_read_only_folder_with_wal(self):
        # A killed writer leaves a WAL that contains a committed change,
        # which a reader without the WAL would miss.
        folder = self.tmp_path("shared")
        os.mkdir(folder)
        copy = os.path.join(folder, "work.palier")
        writer = sqlite3.connect(self.workspace, isolation_level=None)
        try:
            writer.execute("PRAGMA wal_autocheckpoint = 0")
            writer.execute("UPDATE programs SET name = 'Renamed'")
            shutil.copyfile(self.workspace, copy)
            shutil.copyfile(self.workspace + "-wal", copy + "-wal")
        finally:
            writer.close()
        os.chmod(copy + "-wal", 0o444)
        self.workspace = copy
        prefix = self.as_other_user()
        self.lock_folder(folder, copy)
        if prefix:
            os.chmod(self.tmp, 0o755)

        process = subprocess.run([*prefix, palier_e2e.CLI, "program", "list", "--workspace",
                                  copy],
                                 capture_output=True, text=True, timeout=600)
        self.assert_message(process, "journal contains changes", "copy the workspace")

    def test_locked(self):
        before = self.state()
        other = sqlite3.connect(self.workspace, isolation_level=None, timeout=0)
        try:
            other.execute("BEGIN EXCLUSIVE")
            process = subprocess.run([palier_e2e.CLI, "import", "--workspace", self.workspace,
                                      "--sales", self.big],
                                     capture_output=True, text=True, timeout=600)
            self.assert_message(process, "in use by another program")
            process = subprocess.run([palier_e2e.CLI, "program", "add", "--workspace",
                                      self.workspace, self.other_program],
                                     capture_output=True, text=True, timeout=600)
            self.assert_message(process, "in use by another program")
            other.execute("ROLLBACK")
        finally:
            other.close()
        self.assertEqual(self.state(), before)

    # Files that are not a workspace Palier can write

    def assert_refused(self, path, *parts):
        digest = file_digest(path)
        self.workspace = path
        for args in (["imports", "list", "--workspace", path],
                     ["import", "--workspace", path, "--sales", self.sales],
                     ["program", "add", "--workspace", path, self.other_program],
                     ["simulate", "--workspace", path, "--program", "flat"]):
            process = run_cli(*args, expect=None)
            self.assert_message(process, *parts)
        self.assertEqual(file_digest(path), digest)

    def test_not_a_workspace(self):
        text = self.write("notes.palier", "date,partner,amount\n" * 200)
        self.assert_refused(text, "not a Palier workspace")

    def test_other_sqlite_database(self):
        path = self.tmp_path("other.palier")
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE contacts (name TEXT)")
        db.close()
        self.assert_refused(path, "not a Palier workspace")

    def test_newer_version(self):
        path = self.tmp_path("newer.palier")
        shutil.copyfile(self.workspace, path)
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA user_version = 99")
        db.close()
        self.assert_refused(path, "newer version of Palier", "update Palier")

    def test_truncated(self):
        path = self.tmp_path("truncated.palier")
        run_cli("import", "--workspace", self.workspace, "--sales", self.big)
        shutil.copyfile(self.workspace, path)
        with open(path, "r+b") as stream:
            stream.truncate(os.path.getsize(path) // 2)
        self.assert_refused(path, "damaged", "backup")


if __name__ == "__main__":
    palier_e2e.main()
