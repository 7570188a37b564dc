"""Everyday Python: formatting, sorting, slicing, arithmetic."""
name, score = "ada", 3.14159
print(f"{name:>6}|{score:.2f}|{42:05d}|{0.5:%}|{1234567:,}")
print("%s scored %.1f (%d%%) %r" % (name, score, 97, name))
print(name.title(), name.upper(), "a,b,,c".split(","), "  x ".strip())
words = ["pear", "Fig", "apple", "kiwi"]
print(sorted(words, key=len, reverse=True), sorted(words, key=lambda w: w.lower()))
for i, (w, n) in enumerate(zip(words, range(10, 14)), start=1):
    print(i, w, n)
seq = list(range(10))
print(seq[::3], seq[-1:2:-2], seq[::-1][:3], "hello"[1::2])
print([[i * j for j in range(3)] for i in range(3)], {k: v for k, v in zip("ab", (1, 2))})
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, divmod(-7, 3), 2 ** 100, -(2 ** 64) // 3)
print(0.1 + 0.2, 1e16, 1.5e-7, round(2.675, 2), round(0.5), round(1.5), round(-2.5), 1 / 3)
print(isinstance(3, (str, int)), isinstance(True, int), int("-42"), float("1e3"), str(10 ** 20))
def stats(*args, sep="/", **kwargs):
    return sep.join(str(a) for a in args) + " " + repr(sorted(kwargs.items()))
print(stats(1, 2, 3, sep="-", b=2, a=1))
class Shape:
    def __init__(self, name):
        self.name = name
    @property
    def label(self):
        return "<" + self.name + ">"
    def area(self):
        return 0
class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side
    def area(self):
        return self.side ** 2 + super().area()
s = Square(3)
print(s.label, s.area(), isinstance(s, Shape), type(s).__name__)
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        print("error:", e)
        return None
    finally:
        print("done", a, b)
print(safe_div(1, 2), safe_div(1, 0))
