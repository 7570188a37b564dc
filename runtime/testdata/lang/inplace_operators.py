# Augmented assignment updates lists, sets and dicts in place, so another
# name bound to the same object sees the change.
s = {1, 2}
alias = s
s |= {3}
s &= {1, 3, 4}
print(sorted(alias), s is alias)
s -= {1}
s ^= {5}
print(sorted(alias), s is alias)
---
lst = [1]
same = lst
lst += [2]
lst += (3,)
lst += "ab"
print(same, lst is same)
lst *= 2
print(same, lst is same)
---
d = {1: 2}
e = d
d |= {3: 4}
print(e, d is e)
---
class Box:
    pass
box = Box()
box.items = {1}
view = box.items
box.items |= {2}
print(sorted(view))
grid = [[1, 2], [3, 4]]
grid[1][0] += 10
row = grid[0]
row += [5]
print(grid)
---
fs = frozenset({1})
before = fs
fs |= {2}
print(sorted(fs), sorted(before), fs is before)
---
lst = [1]
lst += 1  ### TypeError: 'int' object is not iterable
---
s = {1}
s |= [2]  ### TypeError: unsupported operand type(s) for |=: 'set' and 'list'
