# len, indexing, slicing and str.find count characters, not UTF-8 bytes.
s = "héllo wörld"
i = 1
print(len(s), len(""), s[1], s[i], s[-1], s[1:3], s[::-1], s[-3:], s[5:1:-1])
print(s.find("l"), s.rfind("l"), s.index("w"), s.rindex("ö"), s.find("ö", 3, 20))
print(s.find("", 20), s.find("x"), s.find("l", -4), "abc".find("c"))
print(list(enumerate(s[:3])), [c for c in "né"])
---
"héllo".rindex("z")  ### ValueError: substring not found
---
"héllo"[9]  ### IndexError: string index out of range
---
k = 1.0
"héllo"[k]  ### TypeError: string indices must be integers
