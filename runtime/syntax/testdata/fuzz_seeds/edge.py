@d(1)
class A(B, metaclass=M):
    x: int = 1
    def g(self, *a, k=1, **kw) -> None:
        yield from super().g(*a, **kw)
        del self.x, self[1:2, ...]
        assert self is not None, f"{self!r:>{3}}"
t[::2, None] **= 2
a = b = c[0] = 1 < 2 <= 3 != 4 in [5] not in [[6]]
if x: pass
elif y: ...
else:
	z = 0x_ff + 0o7 + 0b1 + 1_0.5e-3 + .5 + 1.
s = rb'\x' b"\777" f'{a=}' "\N{BULLET}" '''
'''
lambda: (yield)
