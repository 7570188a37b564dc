print("-".join("abc"))
print(",".join(("a","b")))
print("+".join(x for x in "xyz"))
d = {"a": 1, "b": 2}
print("|".join(d))
print("|".join(d.keys()))
print("|".join(map(str, [1,2])))
print("|".join(filter(None, ["a","","b"])))
print(d.keys(), d.values(), d.items())
print(len(d.keys()), "a" in d.keys(), list(d.values()), sorted(d.items(), reverse=True))
print("".join([]), ", ".join(str(n) for n in range(3)))
---
",".join([1, 2])  ### TypeError: sequence item 0: expected str instance, int found
---
d = {"a": 1}
try:
    d.keys()[0]
except TypeError as e:
    print(e)
print("a" in d.keys(), ("a", 1) in d.items(), 1 in d.values())
print(sorted(d.keys() | ['z']), sorted({'a', 'q'} - d.keys()), d.keys() & {'a'})
---
d = {'a': 1}
d.keys()[0]  ### TypeError: 'dict_keys' object is not subscriptable
