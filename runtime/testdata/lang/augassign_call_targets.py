calls = []
def mat():
    calls.append('mat')
    return m
m = [[{1}, {2}], [{3}, {4}]]
s = m[0][0]
mat()[0][0] |= {5}
print(s, m[0][0] is s, calls)
m[1][1] |= {9}
i, j = 1, 0
alias = m[i][j]
m[i][j] |= {7}
print(alias, m[i][j] is alias)
class Box:
    def __init__(self):
        self.x = 0
        self.items = {'a': 0}
        self.flags = [True, False]
box = Box()
def get():
    calls.append('get')
    return box
get().x += 1
get().x += True
print(box.x, calls)
k = 'a'
box.items[k] += True
box.items[k] += 2
print(box.items)
box.flags[0] += 1
box.flags[1] -= True
print(box.flags)
counts = [0, 0]
def idx():
    calls.append('idx')
    return 1
counts[idx()] += True
print(counts, calls)
lst = [[1]]
inner = lst[0]
mat2 = lambda: lst
mat2()[0] += [2]
print(lst, inner, inner is lst[0])
