"""Prints 'N passed, N failed[, N skipped]' from the TRX files under a folder, and lists failed tests."""
import pathlib
import sys
import xml.etree.ElementTree as ElementTree

NAMESPACE = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(folder: str) -> int:
    files = sorted(pathlib.Path(folder).rglob("*.trx"))
    if not files:
        print(f"no TRX files under {folder}: the test run did not produce results", file=sys.stderr)
        print("0 passed, 1 failed")
        return 1

    passed = failed = skipped = 0
    for file in files:
        for result in ElementTree.parse(file).getroot().iterfind(".//t:UnitTestResult", NAMESPACE):
            outcome = result.get("outcome")
            if outcome == "Passed":
                passed += 1
            elif outcome == "NotExecuted":
                skipped += 1
            else:
                failed += 1
                print(f"FAILED {result.get('testName')} ({outcome})")

    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "artifacts/test-results"))
