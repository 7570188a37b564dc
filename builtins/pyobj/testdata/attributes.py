class Layer:
    """A layer."""

    scale = 2
    kind = "dense"

    def __init__(self, width):
        self.width = width
        self._bias = 0

    def size(self, factor):
        return self.width * self.scale * factor

    @staticmethod
    def helper(a, b):
        return a + b

    @classmethod
    def create(cls, width):
        return cls(width * 10)

    @property
    def bias(self):
        return self._bias

    @bias.setter
    def bias(self, value):
        self._bias = value * 100

    @bias.deleter
    def bias(self):
        self._bias = -1

    @property
    def read_only(self):
        return "ro"


layer = Layer(3)
print(layer.scale, Layer.scale, layer.kind, layer.width)
print(layer.size(5), Layer.size(layer, 1))
layer.scale = 7
print(layer.scale, Layer.scale, layer.size(1))
Layer.scale = 4
print(Layer(1).scale, layer.scale)
print(layer.helper(1, 2), Layer.helper(3, 4))
made = Layer.create(2)
print(type(made).__name__, made.width, layer.create(1).width)
print(layer.bias)
layer.bias = 5
print(layer.bias, layer._bias)
delattr(layer, "bias")
print(layer.bias)
print(layer.read_only)
print(fails(lambda: setattr(layer, "read_only", 1)))
print(fails(lambda: layer.missing))
print(fails(lambda: Layer.missing))
print(hasattr(layer, "width"), hasattr(layer, "missing"), hasattr(Layer, "size"))
print(getattr(layer, "width"), getattr(layer, "missing", "default"))
print(fails(lambda: getattr(layer, "missing")))
setattr(layer, "extra", 9)
print(layer.extra)
delattr(layer, "extra")
print(hasattr(layer, "extra"))
print(fails(lambda: delattr(layer, "extra")))
print(layer.__class__ == Layer, Layer.__doc__)
print(getattr(1, "missing", "d"), fails(lambda: getattr(1, "missing")))
print(fails(lambda: setattr(1, "x", 2)))


class Sub(Layer):
    scale = 10

    def size(self, factor):
        return -super(Sub, self).size(factor)


sub = Sub(1)
print(sub.size(1), sub.kind, Sub.create(1).scale, type(Sub.create(1)).__name__)
sub.bias = 1
print(sub.bias)


class Lazy:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return "lazy " + name


lazy = Lazy()
print(lazy.real, lazy.other, getattr(lazy, "x"), hasattr(lazy, "y"))


class Guarded:
    def __init__(self):
        self.log = []

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        object.__setattr__(self, name, value)


guarded = Guarded()
guarded.a = 1
guarded.b = 2
print(repr(guarded.log), guarded.a + guarded.b)
