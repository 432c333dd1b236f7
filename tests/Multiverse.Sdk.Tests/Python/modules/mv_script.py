"""A one-shot script: echoes its arguments and stdin, writes to stderr, exits with the code it is given."""
import os
import sys
import time

if len(sys.argv) > 1 and sys.argv[1] == "sleep":
    time.sleep(60)
data = sys.stdin.read()
print("args=" + ",".join(sys.argv[1:]))
print("stdin=" + data)
print("secret=" + str(os.environ.get("MULTIVERSE_TEST_SECRET")))
sys.stderr.write("to stderr\n")
sys.exit(int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 0)
