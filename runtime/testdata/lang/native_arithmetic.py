a = 1
b = a - 2
t = True
print(a - b, t + a, -a, b << 3, a & 3, t & t, -t)
c = a if t else b
d = c | a
print(c * 2, d ^ a, (c and d) + 1, (t or a) + 1)
def f(x, k=a - 1):
    y = 2
    for i in x:
        y = y + i
    return y - 1, x * 2, i - 1, k
print(f([True, 2]))
print(f((False,)))
def g(flag):
    n = 0
    if flag:
        n = True
    return n + 1, -n
print(g(True), g(False))
def h():
    z = 1
    def inner():
        return z + 1
    z = True
    return inner()
print(h())
m = 5
def use_global():
    return m - 1, t - 1
print(use_global())
s = {1, 2}
u = s | {3}
print(sorted(u), sorted(s ^ u))
vals = [x - 1 for x in [True, 2]]
print(vals, [a - 1 for _ in range(2)])
w = 0
for k in [True, False]:
    w = w + k
print(w, w - 1)
