"""Multiverse.Sdk Python worker: imports modules once and serves function calls from the .NET host.

The host starts this script with a Unix socket path; every request and response travels on that socket,
so nothing user code writes to stdout or stderr can corrupt the protocol. Standard library only.

Frames are little-endian: <u32 length of the rest><u32 request id><u8 kind or status><body>.
A call's body is <u16 name length><"package.module:function"><arguments as JSON>.
"""
import sys

MINIMUM_VERSION = (3, 9)
EXIT_TOO_OLD = 78

if sys.version_info < MINIMUM_VERSION:
    sys.stderr.write(
        "multiverse-worker: Python %d.%d.%d is older than the supported %d.%d\n"
        % (tuple(sys.version_info[:3]) + MINIMUM_VERSION))
    sys.exit(EXIT_TOO_OLD)

import collections  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import json.encoder  # noqa: E402
import json.scanner  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import socket  # noqa: E402
import struct  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402

KIND_CALL = 1
KIND_CANCEL = 2
KIND_IMPORT = 3

STATUS_OK = 0
STATUS_ERROR = 1
STATUS_INVALID_RESULT = 2
STATUS_RESULT_TOO_LARGE = 3
STATUS_CANCELLED = 4
STATUS_HELLO = 5

HEADER = struct.Struct("<IIB")
LENGTH = struct.Struct("<I")
NAME_LENGTH = struct.Struct("<H")
HEADER_REST = 5  # request id + kind, counted in the length
LARGE_BODY = 65536
SMALL_BUFFER = 1 << 16
LARGE_BUFFER = 1 << 22
PR_SET_PDEATHSIG = 1
SIGKILL = 9
PEEK_INTERVAL = 0.001  # seconds


# Offers this core to any other thread or process that is ready to run; a no-op where the OS cannot.
yield_core = getattr(os, "sched_yield", lambda: None)


def make_encoder():
    """Returns a function that writes a result as compact ASCII JSON and rejects NaN and infinities.

    json.dumps builds a new C encoder for every value, which costs more than encoding a small result; this one
    is built once. It skips the check for circular references, which then end in a RecursionError instead.
    """
    settings = json.JSONEncoder(ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return settings.encode
    try:
        encode_chunks = make(
            None, settings.default, json.encoder.encode_basestring_ascii, None, ":", ",", False, False, False)
    except TypeError:
        return settings.encode  # an interpreter whose C encoder takes other arguments

    def encode(value):
        if type(value) is str:
            return json.encoder.encode_basestring_ascii(value)
        return "".join(encode_chunks(value, 0))

    return encode


def make_decoder():
    """Returns a function that reads the host's arguments, UTF-8 JSON without whitespace around it.

    The C scanner alone is a third of the cost of json.loads for small arguments; anything it does not take
    whole goes through json.loads, so errors read the same.
    """
    scan = json.scanner.make_scanner(json.JSONDecoder())

    def decode(data):
        text = data.decode("utf-8")
        try:
            value, end = scan(text, 0)
        except StopIteration:
            return json.loads(text)
        if end != len(text):
            return json.loads(text)
        return value

    return decode


def die_with_host(host_pid):
    """Asks Linux to kill this process when the host goes away, even while user code is busy."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0)
    except (ImportError, OSError, AttributeError):
        pass  # not Linux: the closed socket still ends the worker once it is idle
    if host_pid and os.getppid() != host_pid:
        os._exit(70)  # the host died before the signal was armed


def parse_arguments(argv):
    options = {}
    for index in range(1, len(argv) - 1, 2):
        options[argv[index].lstrip("-")] = argv[index + 1]
    return options


class Worker:
    def __init__(self, channel, max_result_bytes, busy_poll_seconds):
        self.channel = channel
        self.busy_poll_seconds = busy_poll_seconds
        self.max_result_bytes = max_result_bytes
        self.functions = {}
        self.pending = collections.deque()
        self.cancelled = set()
        self.buffer = bytearray(SMALL_BUFFER)
        self.start = 0
        self.end = 0
        self.encode = make_encoder()
        self.decode = make_decoder()

    # Reading: take everything the socket has, split it into frames.

    def read(self, block):
        buffer = self.buffer
        if self.start == self.end:
            self.start = self.end = 0
            if len(buffer) > LARGE_BUFFER:
                # A huge call grew the buffer; do not hold its memory for the worker's whole life.
                self.buffer = buffer = bytearray(SMALL_BUFFER)
        elif self.end == len(buffer):
            self.compact()
            buffer = self.buffer
        try:
            count = self.channel.recv_into(memoryview(buffer)[self.end:], 0, 0 if block else socket.MSG_DONTWAIT)
        except BlockingIOError:
            return False
        except InterruptedError:
            return False
        if count == 0:
            raise EOFError
        self.end += count
        self.split_frames()
        return True

    def compact(self):
        used = self.end - self.start
        self.buffer[0:used] = self.buffer[self.start:self.end]
        self.start = 0
        self.end = used

    def split_frames(self):
        # Locals instead of attributes: this runs once per call, and attribute lookups are most of its cost.
        buffer = self.buffer
        start = self.start
        end = self.end
        append = self.pending.append
        read_length = LENGTH.unpack_from
        read_header = HEADER.unpack_from
        read_name_length = NAME_LENGTH.unpack_from
        while end - start >= 4:
            (length,) = read_length(buffer, start)
            frame_end = start + 4 + length
            if frame_end > end:
                self.start = start
                needed = 4 + length
                if needed > len(buffer):
                    self.compact()
                    grown = bytearray(needed)
                    grown[0:self.end] = buffer[0:self.end]
                    self.buffer = grown
                elif frame_end > len(buffer):
                    self.compact()
                return
            _, request_id, kind = read_header(buffer, start)
            if kind == KIND_CANCEL:
                self.cancelled.add(request_id)
            else:
                name_end = start + 11 + read_name_length(buffer, start + 9)[0]
                append((request_id, kind, buffer[start + 11:name_end].decode("utf-8"), buffer[name_end:frame_end]))
            start = frame_end
        self.start = start

    # Writing: one response per call, sent as soon as it is ready so a crash loses no finished work.

    def send(self, request_id, status, body):
        header = HEADER.pack(HEADER_REST + len(body), request_id, status)
        if len(body) < LARGE_BODY:
            self.channel.sendall(header + body)
        else:
            self.channel.sendall(header)
            self.channel.sendall(body)

    def send_error(self, request_id, status, error, skip_frames):
        trace = error.__traceback__
        for _ in range(skip_frames):
            if trace is not None:
                trace = trace.tb_next
        error_type = type(error)
        module = error_type.__module__
        name = error_type.__qualname__ if module in ("builtins", "__main__") else module + "." + error_type.__qualname__
        report = {
            "type": name,
            "message": str(error),
            "traceback": "".join(traceback.format_exception(error_type, error, trace)),
        }
        self.send(request_id, status, json.dumps(report).encode("utf-8"))

    # Serving.

    def wait_for_work(self):
        """Polls the socket for a while before blocking on it.

        Waking a process blocked in recv costs tens of microseconds on a virtual machine, more than a small call;
        calls that follow each other closely are picked up by polling instead. Yielding between polls lets the
        host's threads have this core whenever they are ready to run.
        """
        if self.busy_poll_seconds > 0:
            clock = time.perf_counter
            deadline = clock() + self.busy_poll_seconds
            read = self.read
            while not read(False):
                if clock() > deadline:
                    break
                yield_core()
            else:
                return
        self.read(True)

    def resolve(self, spec):
        module_name, separator, attribute = spec.partition(":")
        if not separator or not module_name or not attribute:
            raise ValueError("'%s' is not a function name; write it as 'package.module:function'" % spec)
        target = importlib.import_module(module_name)
        for part in attribute.split("."):
            target = getattr(target, part)
        if not callable(target):
            raise TypeError("'%s' is a %s, not a function" % (spec, type(target).__name__))
        self.functions[spec] = target
        return target

    def call(self, request_id, name, arguments):
        try:
            function = self.functions.get(name) or self.resolve(name)
            if not arguments:
                result = function()
            else:
                values = self.decode(arguments)
                kind = type(values)
                if kind is dict:
                    result = function(**values)
                elif kind is list:
                    result = function(*values)
                elif values is None:
                    result = function()
                else:
                    result = function(values)
        except BaseException as error:  # noqa: B036 - SystemExit from user code must not end the worker
            self.send_error(request_id, STATUS_ERROR, error, 1)
            return
        try:
            body = self.encode(result).encode("ascii")
        except (TypeError, ValueError, RecursionError) as error:
            self.send_error(request_id, STATUS_INVALID_RESULT, error, 1)
            return
        if len(body) > self.max_result_bytes:
            self.send(request_id, STATUS_RESULT_TOO_LARGE, str(len(body)).encode("ascii"))
            return
        self.send(request_id, STATUS_OK, body)

    def import_module(self, request_id, name):
        try:
            importlib.import_module(name)
        except BaseException as error:  # noqa: B036
            self.send_error(request_id, STATUS_ERROR, error, 1)
            return
        self.send(request_id, STATUS_OK, b"null")

    def serve(self):
        pending = self.pending
        clock = time.monotonic
        last_read = clock()
        while True:
            if not pending:
                self.wait_for_work()
                last_read = clock()
                continue
            # With work queued, peek at the socket now and then so cancellations of queued calls are seen before
            # those calls start; a peek per call would cost a system call each when calls are short.
            if clock() - last_read > PEEK_INTERVAL:
                self.read(False)
                last_read = clock()
            request_id, kind, name, arguments = pending.popleft()
            if self.cancelled:
                if request_id in self.cancelled:
                    self.cancelled.discard(request_id)
                    self.send(request_id, STATUS_CANCELLED, b"")
                    continue
                self.cancelled = set(item for item in self.cancelled if item > request_id)
            if kind == KIND_CALL:
                self.call(request_id, name, arguments)
            else:
                self.import_module(request_id, name)
            sys.stdout.flush()


def run_script(argv):
    """One-shot mode: run a script as __main__ in this fresh process, tied to the host's life like a worker."""
    import runpy
    host_pid, search_path, script = argv[2], argv[3], argv[4]
    die_with_host(int(host_pid))
    sys.argv[:] = argv[4:]
    folders = [path for path in search_path.split(os.pathsep) if path]
    sys.path[0:1] = [os.path.dirname(os.path.abspath(script))] + folders
    runpy.run_path(script, run_name="__main__")


def main():
    if len(sys.argv) > 4 and sys.argv[1] == "run":
        run_script(list(sys.argv))
        return
    options = parse_arguments(sys.argv)
    die_with_host(int(options.get("host-pid", "0")))
    del sys.argv[1:]
    search_path = [path for path in options.get("path", "").split(os.pathsep) if path]
    sys.path[0:1] = search_path  # the worker's own folder must not shadow user modules
    try:
        sys.stdout.reconfigure(line_buffering=True)
    except AttributeError:
        pass

    channel = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    channel.connect(options["channel"])
    worker = Worker(
        channel,
        int(options.get("max-result-bytes", str(16 << 20))),
        int(options.get("busy-poll-microseconds", "0")) / 1e6)
    hello = {"pid": os.getpid(), "version": platform.python_version(), "executable": sys.executable or ""}
    worker.send(0, STATUS_HELLO, json.dumps(hello).encode("utf-8"))
    try:
        worker.serve()
    except (EOFError, ConnectionError):
        pass  # the host closed the channel: stop quietly
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)  # skip interpreter teardown; user threads must not keep the worker alive


if __name__ == "__main__":
    main()
