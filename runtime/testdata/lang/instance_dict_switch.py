# Attributes set before and after the first read of __dict__ live in
# the one dict that __dict__ returns.
class A:
    def __init__(self):
        self.x = 1
        self.y = 2
a = A()
a.z = 3
d = a.__dict__
a.w = 4
d["x"] = 10
del a.y
print(d, a.x, vars(a) is d)
d.pop("z")
print(hasattr(a, "z"), sorted(vars(a)))
b = A()
b.__dict__ = {"q": 5}
print(b.q, vars(b))
