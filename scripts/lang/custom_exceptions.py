"""Exceptions: custom classes, else and finally, re-raising, context."""


class AppError(Exception):
    """Base error of the app."""


class ValidationError(AppError):
    def __init__(self, field, reason):
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class NotFound(AppError, KeyError):
    pass


def parse_age(text):
    try:
        age = int(text)
    except ValueError as e:
        raise ValidationError("age", f"not a number ({e})") from e
    else:
        if age < 0:
            raise ValidationError("age", "negative")
        return age
    finally:
        print("parsed", repr(text))


for raw in ["42", "-3", "old"]:
    try:
        print("age", parse_age(raw))
    except ValidationError as err:
        print("invalid", err.field, "|", err, "|", type(err).__name__, isinstance(err, AppError))
        print("cause:", type(err.__cause__).__name__ if err.__cause__ else None)

users = {"ann": 1}


def find(name):
    if name not in users:
        raise NotFound(name)
    return users[name]


for name in ["ann", "bob"]:
    try:
        uid = find(name)
    except KeyError as e:
        print("missing", e, repr(e), isinstance(e, AppError))
    else:
        print("found", uid)
    finally:
        print("looked up", name)


def divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
    finally:
        print("divide", a, b)


print(divide(1, 2), divide(1, 0))
errors = []
for value in [1, "2", None, [3]]:
    try:
        errors.append(10 + value)
    except TypeError as e:
        errors.append(type(e).__name__)
print(errors)


def retry(times):
    attempts = 0
    while True:
        attempts += 1
        try:
            if attempts < times:
                raise ConnectionError(f"attempt {attempts} failed")
            return attempts
        except ConnectionError as e:
            print("retrying after:", e)


print("succeeded after", retry(3))
try:
    try:
        [][1]
    except IndexError:
        raise RuntimeError("while indexing")
except RuntimeError as e:
    print(e, "| context:", type(e.__context__).__name__, "| args:", e.args)
try:
    raise AppError("plain", 2)
except AppError as e:
    print(e.args, str(e), repr(e))
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)
print(issubclass(NotFound, KeyError), issubclass(ValidationError, Exception), AppError.__doc__)


class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds

    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, kind, value, tb):
        print("exit", kind.__name__ if kind else None, value)
        return kind is not None and issubclass(kind, self.kinds)


with Suppress(KeyError, IndexError):
    {}["nope"]
with Suppress(KeyError) as s:
    print("body ran", len(s.kinds))
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped:", e)
