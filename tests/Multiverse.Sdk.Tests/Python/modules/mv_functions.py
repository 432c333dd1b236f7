"""Functions the Python worker tests call. Standard library only."""
import ctypes
import math
import os
import subprocess
import sys
import time


class PricingError(Exception):
    pass


def add(a, b):
    return a + b


def echo(value):
    return value


def positional(*values):
    return list(values)


def no_arguments():
    return "nothing"


def fail(message):
    raise ValueError(message)


def fail_custom():
    raise PricingError("price below cost")


def exit_with(code):
    sys.exit(code)


def crash(code):
    sys.stderr.write("about to crash with %d\n" % code)
    sys.stderr.flush()
    os._exit(code)


def segfault():
    ctypes.string_at(0)


def sleep(seconds):
    time.sleep(seconds)
    return seconds


def not_json():
    return {1, 2, 3}


def circular():
    items = []
    items.append(items)
    return items


def not_a_number():
    return math.nan


def text_of(length):
    return "x" * length


def print_storm(lines):
    for index in range(lines):
        print("storm line %d" % index)
    return lines


def binary_garbage():
    os.write(1, bytes(range(256)) * 64)
    sys.stdout.buffer.write(b"\xff\xfe\x00\x01 no newline")
    sys.stdout.flush()
    libc = ctypes.CDLL(None)
    libc.printf(b"printf from C %d\n", 42)
    libc.fflush(None)
    print("after garbage")
    return "intact"


def environment(name):
    return os.environ.get(name)


def process_id():
    return os.getpid()


def start_child():
    return subprocess.Popen(["sleep", "60"]).pid


def read_stdin():
    return sys.stdin.read()


def loaded(module):
    return module in sys.modules


def soak(index, mode):
    if mode == "raise":
        raise ValueError("soak %d" % index)
    if mode == "crash":
        os._exit(3)
    if mode == "hang":
        time.sleep(60)
    return {"index": index, "double": index * 2}


def sleep_loudly(seconds):
    print("sleeping now", flush=True)
    time.sleep(seconds)
    return seconds


def mark(text):
    print(text, flush=True)
    return text
