"""Process-per-call baseline: one fresh interpreter per call, arguments as JSON on stdin, result on stdout."""
import json
import sys

import bench

arguments = json.load(sys.stdin)
json.dump(getattr(bench, sys.argv[1])(**arguments), sys.stdout)
