"""Shared by the generator modules: the seed, the string-seeded random streams and the error exit."""

import random
import sys

SEED = 20261127


def rng(purpose, key=""):
    return random.Random(f"{SEED}:{purpose}:{key}")


def fail(msg):
    print(f"generate.py: error: {msg}", file=sys.stderr)
    sys.exit(1)
