x = [3, 1, 2]
x.sort()
print(x)
x.sort(reverse=True)
print(x)
words = ["b", "A", "c"]
words.sort(key=lambda s: s.lower())
print(words)
x.reverse()
print(x, x.count(2), x.copy())
d = {"a": 1}
e = d.copy()
e["b"] = 2
print(d, e)
print("a,b".count(","))
