# obj.__dict__ and vars(obj) return the instance attributes in the order
# they were first assigned, and writes through the dict set attributes.
class AverageMeter:
    def __init__(self, name, fmt=":f"):
        self.name = name
        self.fmt = fmt
        self.reset()
    def reset(self):
        self.val = 0
        self.avg = 0
        self.sum = 0
        self.count = 0
    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count
    def __str__(self):
        fmtstr = "{name} {val" + self.fmt + "} ({avg" + self.fmt + "})"
        return fmtstr.format(**self.__dict__)
m = AverageMeter("Loss", ":.4e")
m.update(0.5)
m.update(0.25, 3)
print(m)
print(vars(m))
print(m.__dict__ is vars(m), type(vars(m)).__name__, isinstance(m.__dict__, dict))
print(list(m.__dict__), len(vars(m)), "avg" in vars(m))
---
# Rebinding keeps the position, deletion removes the key, and the class
# attributes are not in the instance dict.
class P:
    kind = "point"
    def __init__(self):
        self.x = 1
        self.y = 2
p = P()
p.x = 10
print(vars(p))
del p.x
p.x = 3
print(vars(p), "kind" in vars(p))
---
# Writes through __dict__ reach the attributes and back.
class Q:
    pass
q = Q()
d = q.__dict__
d["a"] = 1
q.b = 2
d.update(c=3)
print(q.a, q.c, d)
del d["a"]
print(hasattr(q, "a"), vars(q))
d.pop("b")
print(vars(q))
q.__dict__ = {"z": 26}
print(q.z, vars(q))
---
# An empty instance has an empty dict, and an object without __dict__
# is rejected by vars().
class E:
    pass
print(vars(E()), E().__dict__ == {})
print(vars(1)) ### TypeError: vars() argument must have __dict__ attribute
---
class F:
    pass
f = F()
f.__dict__ = 3 ### TypeError: __dict__ must be set to a dictionary, not a 'int'
