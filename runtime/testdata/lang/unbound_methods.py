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
