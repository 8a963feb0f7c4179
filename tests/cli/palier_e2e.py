"""Helpers for the tests that run palier-cli as a user would.

meson runs these tests with /usr/bin/python3 and the environment of
tests/meson.build: PALIER_BUILD_DIR, PALIER_SOURCE_DIR, PALIER_TEST_DATA,
and PALIER_SHARED_DIR_DEFAULT, which PALIER_SHARED_DIR overrides.  A test
that needs the shared real datasets exits with status 77 (skipped) when
they are absent.
"""

import json
import os
import shlex
import subprocess
import sys
import tempfile
import unittest
from decimal import Decimal

SKIP_STATUS = 77


def build_path(*parts):
    return os.path.join(os.environ["PALIER_BUILD_DIR"], *parts)


def source_path(*parts):
    return os.path.join(os.environ["PALIER_SOURCE_DIR"], *parts)


def program_path(name):
    return os.path.join(os.environ["PALIER_TEST_DATA"], "programs", name)


CLI = os.environ.get("PALIER_CLI") or build_path("src", "cli", "palier-cli")

# A command that runs palier-cli, such as valgrind with its options
# ("meson test --setup valgrind" sets it).
CLI_WRAPPER = shlex.split(os.environ.get("PALIER_CLI_WRAPPER", ""))


def shared_dir():
    return os.environ.get("PALIER_SHARED_DIR") or os.environ.get("PALIER_SHARED_DIR_DEFAULT", "")


def require_shared(*relative):
    """Return the path of a shared dataset file, or exit 77 when absent."""
    path = os.path.join(shared_dir(), *relative)
    if not os.path.exists(path):
        print("SKIP: %s not found; set PALIER_SHARED_DIR to the folder with "
              "the shared datasets" % path, file=sys.stderr)
        sys.exit(SKIP_STATUS)
    return path


def run_cli(*args, env=None, expect=0):
    """Run palier-cli with @args and return the completed process; fail
    unless it exits with @expect (None accepts any status)."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    process = subprocess.run([*CLI_WRAPPER, CLI, *args], capture_output=True, text=True,
                             env=full_env, timeout=600)
    if expect is not None and process.returncode != expect:
        raise AssertionError("palier-cli %s exited with %d, expected %d\nstdout:\n%s\nstderr:\n%s"
                             % (" ".join(args), process.returncode, expect,
                                process.stdout[-4000:], process.stderr[-4000:]))
    return process


def load_json(text):
    """Parse palier-cli's JSON with exact decimals."""
    return json.loads(text, parse_float=Decimal, parse_int=Decimal)


def money(value):
    """A money value from the JSON output, which may be a number or a
    string of the same form."""
    return Decimal(str(value))


class CliTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="palier-cli-test-")
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def tmp_path(self, name):
        return os.path.join(self.tmp, name)

    def assert_result_matches(self, output, expected):
        """Compare palier-cli's JSON @output with the reference result:
        totals, components, and every partner and period."""
        self.assertEqual(money(output["totals"]["sales"]), expected["totals"]["sales"])
        self.assertEqual(money(output["totals"]["payout"]), expected["totals"]["payout"])

        components = {c["id"]: money(c["payout"]) for c in output["components"]}
        self.assertEqual(list(components), list(expected["components"]))
        for component_id, payout in expected["components"].items():
            with self.subTest(component=component_id):
                self.assertEqual(components[component_id], payout)

        partners = {p["partner"]: p for p in output["partners"]}
        self.assertEqual(sorted(partners), sorted(expected["partners"]))
        for partner_id, reference in expected["partners"].items():
            with self.subTest(partner=partner_id):
                self.assert_partner_matches(partners[partner_id], reference)

    def assert_partner_matches(self, partner, reference):
        self.assertEqual(money(partner["payout"]), reference["payout"])
        self.assertEqual(money(partner["sales"]), reference["sales"])

        periods = [p["period"] for p in partner["periods"]]
        self.assertEqual(periods, [p["period"] for p in reference["periods"]])
        for period, expected in zip(partner["periods"], reference["periods"]):
            self.assertEqual(money(period["payout"]), expected["payout"], period["period"])
            self.assertEqual(money(period["sales"]), expected["sales"], period["period"])
            for component_id, payout in expected["components"].items():
                self.assertEqual(money(period["components"][component_id]), payout,
                                 "%s %s" % (period["period"], component_id))


def main():
    unittest.main(verbosity=2)
