"""Stands in for a .NET host that dies: starts the real worker script, prints the worker's pid, then waits.

The test kills this process with SIGKILL and checks that the worker, busy in a call, dies with it.
Usage: mv_host.py WORKER_SCRIPT MODULE_FOLDER
"""
import os
import socket
import struct
import subprocess
import sys
import tempfile

worker_script, module_folder = sys.argv[1], sys.argv[2]
folder = tempfile.mkdtemp()
path = os.path.join(folder, "w.sock")
listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
listener.bind(path)
listener.listen(1)
worker = subprocess.Popen([
    sys.executable, worker_script, "--channel", path, "--host-pid", str(os.getpid()),
    "--path", module_folder, "--max-result-bytes", "1000"])
channel, _ = listener.accept()
channel.recv(4096)  # the greeting
name = b"mv_functions:sleep"
arguments = b"[60]"
body = struct.pack("<H", len(name)) + name + arguments
channel.sendall(struct.pack("<IIB", 5 + len(body), 1, 1) + body)
print(worker.pid, flush=True)
sys.stdin.read()
