"""Functions the Python benchmarks call."""


def add(a, b):
    return a + b


def echo(payload):
    return payload
