#!/usr/bin/python3
"""The sample data: the generator writes the same bytes on every run and
machine, and the sample workspace built from them simulates to the
numbers recomputed independently from the CSV."""

import hashlib
import os
import subprocess
import sys

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
import reference_payouts  # noqa: E402

GENERATOR = palier_e2e.build_path("tools", "palier-sample-gen")
SAMPLE_SALES = palier_e2e.build_path("data", "sample", "sample-sales.csv")
SAMPLE_WORKSPACE = palier_e2e.build_path("data", "sample", "sample.palier")
SAMPLE_PROGRAM = palier_e2e.source_path("data", "sample", "sample-program.xml")

# SHA-256 of the generator's output with the default seed and 300
# partners.  It changes only when the generator itself is changed.
EXPECTED_SHA256 = "1a8a271b6a7691bbf3c42545c58e17385ec0d420ff6c282dae5aabc38ac17fb1"

MAPPING = {
    "date": "Date", "deal": "Deal ID", "partner": "Partner ID", "segment": "Segment",
    "region": "Region", "product": "Product", "category": "Category",
    "quantity": "Quantity", "amount": "Amount", "margin": "Margin",
}


def sha256_of(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


class SampleTest(palier_e2e.CliTestCase):
    def generate(self, name, *args):
        path = self.tmp_path(name)
        subprocess.run([GENERATOR, *args, path], check=True, timeout=60)
        return path

    def test_generator_fixed_bytes(self):
        self.assertEqual(sha256_of(self.generate("a.csv")), EXPECTED_SHA256)

    def test_built_csv_fixed_bytes(self):
        self.assertEqual(sha256_of(SAMPLE_SALES), EXPECTED_SHA256)

    def test_generator_seed_changes_data(self):
        self.assertNotEqual(sha256_of(self.generate("b.csv", "--seed", "7")), EXPECTED_SHA256)

    def test_generator_usage_error(self):
        process = subprocess.run([GENERATOR], capture_output=True, timeout=60)
        self.assertEqual(process.returncode, 2)

    def test_sample_shape(self):
        lines = reference_payouts.read_lines(SAMPLE_SALES, MAPPING)
        self.assertEqual(len({line.partner for line in lines}), 300)
        self.assertEqual({line.segment for line in lines}, {"Gold", "Silver", "Registered"})
        self.assertEqual(len({line.category for line in lines}), 4)
        self.assertEqual(len({line.region for line in lines}), 4)
        self.assertEqual(min(line.date for line in lines).isoformat(), "2024-01-01")
        self.assertLessEqual(max(line.date for line in lines).isoformat(), "2025-12-31")
        self.assertTrue(any(line.amount < 0 for line in lines))
        self.assertTrue(all(line.amount == line.amount.quantize(reference_payouts.Decimal("0.01"))
                            for line in lines))

    def test_workspace_has_program(self):
        process = palier_e2e.run_cli("program", "list", "--workspace", SAMPLE_WORKSPACE)
        self.assertIn("sample-partner-program\tSample partner program", process.stdout)

    def test_workspace_reference_recomputation(self):
        process = palier_e2e.run_cli("simulate", "--workspace", SAMPLE_WORKSPACE,
                                     "--program", "sample-partner-program", "--format", "json")
        output = palier_e2e.load_json(process.stdout)
        program = reference_payouts.Program(SAMPLE_PROGRAM)
        expected = reference_payouts.simulate(program,
                                              reference_payouts.read_lines(SAMPLE_SALES, MAPPING))
        self.assert_result_matches(output, expected)
        self.assertEqual(output["from"], "2024-01-01")

    def test_workspace_not_modified_by_simulate(self):
        before = os.stat(SAMPLE_WORKSPACE).st_mtime_ns
        palier_e2e.run_cli("simulate", "--workspace", SAMPLE_WORKSPACE,
                           "--program", SAMPLE_PROGRAM, "--format", "csv")
        self.assertEqual(os.stat(SAMPLE_WORKSPACE).st_mtime_ns, before)


if __name__ == "__main__":
    palier_e2e.main()
