from collections import OrderedDict, defaultdict, Counter, namedtuple, deque
o = OrderedDict([('x', 1)])
print(o)
o['y'] = 2
o.move_to_end('x')
print(o, o.popitem(last=False))
dd = defaultdict(list)
dd['a'].append(1)
print(dd)
c = Counter("aab")
print(c, c.most_common(1))
P = namedtuple('P', ['x', 'y'])
print(P(1, 2))
q = deque([1,2,3], maxlen=3)
q.append(4)
print(q)
---
from collections import OrderedDict, defaultdict, Counter, deque
o = OrderedDict(a=1, b=2, c=3)
o.move_to_end('a')
print(o, list(o.keys()), o.popitem(), o.popitem(last=False), o)
print(OrderedDict(), Counter(), deque())
dd = defaultdict(int)
print('x' in dd, dd['x'], dd, dict(dd))
c = Counter(['b', 'a', 'b', 'c', 'a', 'b'])
print(c, c['zz'], 'zz' in c, c.most_common(2), sorted(c.elements()))
c.update("aa"); c['q'] += 3
print(c, c.total())
q = deque("abc"); q.appendleft('z'); q.rotate(1); print(q, q.pop(), q.popleft(), len(q), 'b' in q, q[0])
for k, v in o.items(): print(k, v)
---
from collections import deque
deque().pop()  ### IndexError: pop from an empty deque
---
from collections import OrderedDict
OrderedDict().popitem()  ### KeyError: dictionary is empty
---
from collections import OrderedDict, Counter, defaultdict, deque
a, b = OrderedDict(x=1, y=2), OrderedDict(y=2, x=1)
print(a == b, a != b, a == dict(b), dict(b) == a, a == OrderedDict(x=1, y=2), [a] == [b], [a] == [OrderedDict(a)])
print(Counter('ab') == Counter('ba'), Counter('ab') == {'a': 1, 'b': 1}, defaultdict(int, a=1) == {'a': 1})
d = {'a': 1, 'b': 2}
print(d.keys() == {'a', 'b'}, {'b', 'a'} == d.keys(), d.keys() == {'a'}, d.keys() != {'a'}, d.items() == {('a', 1), ('b', 2)})
print(d.keys() == {'a': 0, 'b': 0}.keys(), d.values() == d.values(), d.keys() == ['a', 'b'])
q = deque([1, 2, 2, 3])
print(q.count(2), q.count(9), q.index(3), q.index(2, 2), q.index(2, -3))
q.remove(2)
print(q)
---
from collections import deque
deque([1, 2]).index(9)  ### ValueError: 9 is not in deque
---
from collections import deque
deque([1, 2]).remove(9)  ### ValueError: 9 is not in deque
