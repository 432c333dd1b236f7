"""A warm-up module: importing it leaves a mark the tests can see."""
IMPORTED = True
