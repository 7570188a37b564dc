# Single and multiple inheritance with C3 method resolution order.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
print(isinstance(D(), A), issubclass(D, C), issubclass(A, D), type(D()).__name__)
---
class X: pass
class Y(X): pass
class Z(X, Y): pass ### TypeError: Cannot create a consistent method resolution
---
# Class attributes, static methods, class methods and properties.
class Counter:
    created = 0
    unit = "items"
    def __init__(self, start=0):
        Counter.created += 1
        self._value = start
    @staticmethod
    def describe(n):
        return "%d %s" % (n, Counter.unit)
    @classmethod
    def from_list(cls, values):
        return cls(len(values))
    @property
    def value(self):
        return self._value
    @value.setter
    def value(self, v):
        if v < 0:
            raise ValueError("negative")
        self._value = v
c = Counter.from_list([1, 2, 3])
c.value = 10
print(c.value, Counter.created, Counter.describe(4), c.describe(5), c.unit)
try:
    c.value = -1
except ValueError as e:
    print("setter refused:", e)
---
# __call__, __getitem__, __len__, __iter__, __contains__, __repr__, __str__.
class Table:
    def __init__(self, rows):
        self.rows = rows
    def __len__(self):
        return len(self.rows)
    def __getitem__(self, i):
        return self.rows[i]
    def __contains__(self, v):
        return v in self.rows
    def __call__(self, scale):
        return [r * scale for r in self.rows]
    def __repr__(self):
        return "Table(%r)" % self.rows
    def __str__(self):
        return "table of %d rows" % len(self)
t = Table([1, 2, 3])
print(len(t), t[1], t[-1], 2 in t, 5 in t, t(10), list(t), [r for r in t])
print(t, repr(t), str(t), [t], "%s|%r" % (t, t), f"{t}|{t!r}")
print(bool(Table([])), bool(t))
---
# hasattr, getattr, setattr, delattr and type(x).__name__.
class Config:
    lr = 0.1
cfg = Config()
setattr(cfg, "epochs", 3)
print(hasattr(cfg, "epochs"), hasattr(cfg, "batch"), getattr(cfg, "lr"), getattr(cfg, "batch", 32))
delattr(cfg, "epochs")
print(hasattr(cfg, "epochs"), type(cfg).__name__, type(3).__name__, type("s").__name__, type([]).__name__)
print(cfg.__class__.__name__, Config.__name__, isinstance(3, int), isinstance(True, int), isinstance(1.0, (int, float)))
print(getattr(cfg, "missing")) ### AttributeError: 'Config' object has no attribute 'missing'
---
# super() with two arguments and through several levels of __init__.
class Base:
    def __init__(self, name):
        self.log = ["Base(%s)" % name]
class Middle(Base):
    def __init__(self, name):
        super(Middle, self).__init__(name)
        self.log.append("Middle")
class Top(Middle):
    def __init__(self):
        super().__init__("top")
        self.log.append("Top")
    def describe(self):
        return super(Middle, self).__init__ is not None
print(Top().log, Top().describe())
---
# Methods use module-level names even when the class defines the same names.
def helper():
    return "module helper"
class Shadow:
    def helper(self):
        return "method, then " + helper()
    def __eq__(self, other):
        return (1, 2) == (1, 2) and isinstance(other, Shadow)
    def __lt__(self, other):
        return 1 < 2
print(Shadow().helper(), Shadow() == Shadow(), Shadow() < Shadow())
---
class NoInit:
    pass
NoInit(1) ### TypeError
