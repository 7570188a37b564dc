words = ['banana', 'Apple', 'cherry']
print(sorted(words, key=str.lower), sorted(words, key=len))
print(list(map(str.strip, [' a ', 'b\n'])), list(map(str.upper, 'ab')))
lines = []
list.append(lines, 1)
list.extend(lines, [2, 3])
print(lines, list.count(lines, 2), list.index(lines, 3))
print(dict.get({'a': 1}, 'a'), dict.get({}, 'z', 0), sorted(dict.items({'b': 2, 'a': 1})))
print(dict.fromkeys('ab'), dict.fromkeys(['x', 'y'], 0))
print(str.join('-', ['a', 'b']), str.format('{}+{}', 1, 2), str.upper('x'))
print(str.lower, list.append)
print(int.bit_length(255), (1023).bit_length(), (-8).bit_length(), (7).bit_count(), (2.0).is_integer(), (2.5).is_integer())
print(hex(255), hex(-255), oct(8), bin(5), bin(0), pow(2, 10), pow(3, 4, 5), pow(2.0, -1))
print(int('  42 '), int('\t-7\n'), int('ff', 16))
print(min([], default=0), max([], default='none'), max([3, 9, 2], default=0), min(['bb', 'a'], key=len, default=''))
---
str.lower(3)  ### TypeError: descriptor 'lower' for 'str' objects doesn't apply to a 'int' object
---
str.lower()  ### TypeError: unbound method str.lower() needs an argument
---
int(' x ')  ### ValueError: invalid literal for int() with base 10: ' x '
---
min(1, 2, default=0)  ### TypeError: Cannot specify a default for min() with multiple positional arguments
---
t = (1, 2, 2, 3)
print(t.count(2), t.index(3), t.index(2, 2), tuple.count(t, 1), [1, 2].count(2))
s = {1, 2, 3}
print(s.isdisjoint([4]), s.isdisjoint((3,)), sorted(s.union([4], (5,))), sorted(s.intersection([1, 2], {2})), sorted(s.difference([1], [2])))
c = s.copy(); c.update([7], [8]); c.difference_update({1}); print(sorted(c), sorted(s))
c.intersection_update({2, 7, 9}); print(sorted(c))
c.symmetric_difference_update({7, 10}); print(sorted(c))
c.remove(2); print(sorted(c))
d = {'a': 1, 'b': 2}
print(d.popitem(), d)
count = [1, 1, 2].count
print(count(1), sorted(['b', 'a', 'b'], key=['b', 'a', 'b'].count))
print(repr(range(3)), range(1, 4), range(0, 9, 3), hash(5), hash(-1), hash(2.0), hash(True))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1234.5678, -1), float('nan') == float('nan'))
---
(1, 2).index(9)  ### ValueError: tuple.index(x): x not in tuple
---
{1}.remove(5)  ### KeyError: 5
---
{}.popitem()  ### KeyError: 'popitem(): dictionary is empty'
