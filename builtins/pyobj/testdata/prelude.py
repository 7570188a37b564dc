# Helpers shared by the reference programs. The Starlark programs get the
# same helpers from the Go test harness.


def fails(fn, *args):
    """Return "Type: message" for the exception fn(*args) raises."""
    try:
        fn(*args)
    except Exception as e:
        # CPython 3.11 wraps the MRO message over two lines.
        msg = str(e).replace("\n", " ")
        return type(e).__name__ + (": " + msg if msg else "")
    return "no error"


def throw(exc):
    raise exc


def fails_type(fn, *args):
    """Return only the exception type, for messages that differ by design."""
    return fails(fn, *args).split(":")[0]
