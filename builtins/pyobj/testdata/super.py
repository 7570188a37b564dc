class Base:
    def __init__(self, x):
        self.trace = ["Base(%d)" % x]
        self.x = x

    def describe(self):
        return "Base.x=%d" % self.x

    @classmethod
    def make(cls, x):
        return cls.__name__ + ":" + str(x)


class Middle(Base):
    def __init__(self, x, y):
        super(Middle, self).__init__(x + 1)
        self.trace.append("Middle(%d)" % y)
        self.y = y

    def describe(self):
        return "Middle.y=%d," % self.y + super(Middle, self).describe()

    @classmethod
    def make(cls, x):
        return "Middle+" + super(Middle, cls).make(x)


class Leaf(Middle):
    def __init__(self, x, y, z):
        super(Leaf, self).__init__(x, y * 2)
        self.trace.append("Leaf(%d)" % z)

    def describe(self):
        return "Leaf," + super(Leaf, self).describe()


leaf = Leaf(1, 2, 3)
print(",".join(leaf.trace))
print(leaf.x, leaf.y)
print(leaf.describe())
print(Leaf.make(7))
print(leaf.make(8))
print(super(Leaf, leaf).describe())
print(super(Middle, leaf).describe())


class Plain:
    def __init__(self):
        super(Plain, self).__init__()
        self.ok = True


print(Plain().ok)
print(fails(lambda: super(Plain, Plain()).__init__(1)))
print(fails(lambda: super(Leaf, Base(1))))
print(fails(lambda: super(3, leaf)))
print(fails(lambda: super(Leaf, leaf).missing))
print(fails_type(lambda: Plain(1)))


class NoInit:
    pass


print(fails(lambda: NoInit(1, 2)))
print(type(NoInit()).__name__)


class BadInit:
    def __init__(self):
        return 3


print(fails(BadInit))
