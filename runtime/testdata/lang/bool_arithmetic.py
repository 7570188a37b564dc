# bool subclasses int: a bool reached through a name is an int in
# arithmetic, but still prints as True and equals 1.
t = True
f = False
print(t + 1, t * 3, -t, 2 ** t, sum([t, t]))
print(t - 1, 1 - t, t / 2, t // 1, t % 2, +t, ~t, t << 2, 5 >> t)
print(t * 2.5, divmod(t, 1), abs(t), t, f, [t, f], t == 1, f == 0, t < 2)
---
xs = [3, -1, 4, -1, 5]
flags = [x > 0 for x in xs]
n = sum(flags)
count = 0
for flag in flags:
    count += flag
print(n, count, flags)
---
b = True
b += 1
print(b)
b = False
b -= 1
print(b)
hits = [0]
hits[0] += b < 0
print(hits)
---
x = 1
x += "a"  ### TypeError: unsupported operand type(s) for +=: 'int' and 'str'
---
s = "a"
s += 1  ### TypeError: can only concatenate str (not "int") to str
