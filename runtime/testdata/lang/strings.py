# Floats print as Python prints them everywhere.
values = [1234567.0, 1e-05, 0.1 + 0.2, 1e16, 2.5e-07, -0.0, 100.0, 1.5e300]
print(values)
for v in values:
    print(v, str(v), repr(v), "%s" % v, "%r" % v, f"{v}", "{}".format(v))
print(float("inf"), -float("inf"), float("nan"), [float("inf")], (1e-05,), {"k": 1e-05})
print(str([1e-05]), repr({1e-05: 1e16}))
---
# f-strings with conversions and format specs.
loss = 0.123456789
step = 7
name = "net"
print(f"step {step:>4d} loss {loss:.4f} {loss:10.3e} {loss:.2%}")
print(f"{name!r} {name!s:>6} {step:03d} {step:x} {step:#b} {1234567.891:,.2f}")
print(f"{'left':<8}|{'mid':^8}|{'right':>8}|{-3:+d}|{3:+d}|{3.0:g}|{1e-05:g}")
print(f"{loss=}" if False else f"loss={loss:.3f}", f"{{literal}}", f"{[1, 2]}")
width = 6
print(f"{step:{width}d}|" if False else f"{step:6d}|")
---
# % formatting with precision, width and flags.
print("%.2f" % 3.14159, "%5d|" % 42, "%-5d|" % 42, "%05.1f" % 2.25, "%+d" % 5)
print("%s" % 1e-05, "%s and %s" % (1, "two"), "%r" % "q", "%x %X %o" % (255, 255, 8))
print("%e" % 12345.678, "%g" % 0.0001, "%g" % 123456789.0, "%c%c" % (72, "i"))
print("%(name)s=%(value).3f" % {"name": "lr", "value": 0.01}, "100%%")
print("%d" % 3.99, "%i" % True, "%10.4s|" % "abcdefgh", "%*d" % (5, 3))
---
"%d %d" % (1,) ### TypeError: not enough arguments for format string
---
"%d" % (1, 2) ### TypeError: not all arguments converted during string formatting
---
# str.format with positional, keyword, index and attribute fields.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(3, 4)
print("{} + {} = {}".format(1, 2, 3), "{1} {0} {1}".format("a", "b"))
print("{name} is {age:d}".format(name="Ada", age=36), "{0.x},{0.y}".format(p))
print("{0[0]} {0[1]} {d[key]}".format([10, 20], d={"key": "v"}), "{:*^9}".format("mid"))
print("{:.3f} {:8.2e} {:>6} {!r}".format(2.0, 12345.6789, "r", "s"), "{{}}".format())
print("{:,}".format(1234567), "{:_}".format(1000000), "{:.1%}".format(0.25))
---
"{} {}".format(1) ### IndexError: Replacement index 1 out of range
---
# String methods and iteration over characters.
s = "Hello, World"
print(s.lower(), s.upper(), s.split(", "), s.replace("l", "L"), s.startswith("He"))
print(list("abc"), [c for c in "xyz"], "-".join(["a", "b"]), s[::-1], s[7:], len(s))
print(" pad ".strip(), "a,b,,c".split(","), "x".join(["1", "2"]), "abc".find("c"))
for ch in "hi":
    print(ch)
