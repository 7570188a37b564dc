"""Everyday string processing: cleaning, counting and a padded report."""
text = """The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs!
\tA fox, a dog, and a cat."""
lines = [line.strip() for line in text.splitlines()]
print(len(lines), [len(line) for line in lines])
cleaned = text.lower().translate(str.maketrans("", "", ".,;!"))
words = cleaned.split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
print("=" * 30)
print("Word Report".center(30))
print("=" * 30)
for rank, (word, n) in enumerate(top, start=1):
    print(f"{rank:>2}. {word.ljust(10, '.')}{str(n).rjust(5)} {'#' * n}")
print("-" * 30)
print("title:", "the lazy dog".title(), "| swap:", "Fox".swapcase(), "| cap:", "dOG".capitalize())
print("zfill:", "7".zfill(3), "-7".zfill(4), "| center:", repr("ab".center(5, "*")))
name, sep, rest = "key=value=more".partition("=")
print(name, sep, rest, "key=value=more".rpartition("="))
print("prefix:", "test_parse".removeprefix("test_"), "suffix:", "report.txt".removesuffix(".txt"))
print(repr("a\tb\tc".expandtabs(4)), "ABC".casefold(), "snake_case".isidentifier(), "9lives".isidentifier())
print(sorted(set(words), key=str.lower)[:6], list(map(str.upper, ["a", "b"])))
vowels = sum(1 for ch in cleaned if ch in "aeiou")
print("vowels:", vowels, "of", len(cleaned.replace(" ", "").replace("\n", "").replace("\t", "")))
template = "{name} has {count} letters"
print(template.format_map({"name": "fox", "count": len("fox")}))
print(", ".join(w[::-1] for w in ["abc", "level", "xy"]), "level" == "level"[::-1])
print("|".join(f"{w:^7}" for w in ["a", "bb", "ccc"]), "|")
print("Hello, World".find("o"), "Hello, World".rfind("o"), "Hello".index("l"), "a-b-c".split("-", 1), "a b  c".rsplit(None, 1))
print("x".join("123"), "  pad  ".lstrip() + "|", "|" + "  pad  ".rstrip(), "www.example.com".strip("cmowz."))
print("MiXeD".lower(), "MiXeD".upper(), "123".isdigit(), "abc".isalpha(), "a1".isalnum(), "   ".isspace(), "Title Case".istitle())
print(ord("A"), chr(97), [ord(c) - ord("a") for c in "cab"], "%-6s|%6.2f|%03d" % ("ab", 3.14159, 7))
