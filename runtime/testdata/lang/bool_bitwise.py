print(True & 3, True | 2, True ^ True, 5 & False)
print(True & True, False | False, True ^ False, type(True ^ True).__name__)
t = True
f = False
n = 6
print(t & n, n | t, n ^ t, t ^ f, f | t, t & f)
print(type(t & n).__name__, type(t | f).__name__)
mask = 0
mask |= t
print(mask)
flag = True
flag &= False
print(flag, type(flag).__name__)
flag = True
flag |= 4
print(flag)
print((t & t) + 1, (t | False) * 3, -(t ^ False), (n & t) + t)
---
t = True
t & 1.5  ### TypeError: unsupported operand type(s) for &: 'bool' and 'float'
---
t = True
t | "a"  ### TypeError: unsupported operand type(s) for |: 'bool' and 'str'
