"""Sets and dicts: membership, set algebra, inverted indexes, nested data."""
# NOTE: sets print in sorted order here because this runtime keeps
# insertion order while CPython orders small ints by hash.
stock = {"apple": 5, "pear": 0, "kiwi": 12, "fig": 3}
wanted = ["kiwi", "fig", "plum", "apple", "kiwi"]
available = {item for item, n in stock.items() if n > 0}
requested = set(wanted)
print(sorted(available), sorted(requested), len(requested), "plum" in requested, "pear" not in available)
print(sorted(available & requested), sorted(requested - available), sorted(available | requested), sorted(available ^ requested))
print(available.issubset(stock), requested.isdisjoint({"x"}), sorted(requested.intersection(stock, ["fig"])), sorted(available.union(["z"])))
tags = {
    "apple": ["fruit", "red", "sweet"],
    "pear": ["fruit", "green"],
    "kiwi": ["fruit", "green", "sour"],
    "fig": ["fruit", "sweet"],
}
index = {}
for item, item_tags in tags.items():
    for tag in item_tags:
        index.setdefault(tag, set()).add(item)
print({tag: sorted(items) for tag, items in sorted(index.items())})
print(sorted(index["green"] & index["fruit"]), sorted(index["sweet"] - index["red"]), len(set().union(*index.values())))
seen, unique = set(), []
for w in wanted:
    if w not in seen:
        seen.add(w)
        unique.append(w)
print(unique, list(dict.fromkeys(wanted)), sorted(seen) == sorted(unique))
restock = {"pear": 10, "plum": 4}
merged = {**stock, **restock}
merged.update(fig=7)
print(merged, {k: v for k, v in merged.items() if v >= 5}, sum(merged.values()), max(merged, key=merged.get))
print(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:3], list(merged)[-2:], merged.pop("plum"), merged.get("plum", "gone"))
print(merged.setdefault("lime", 0), "lime" in merged, len(merged), merged.popitem(), list(merged.keys()))
nested = {"a": {"x": 1, "y": 2}, "b": {"x": 3}}
print([(k, sub.get("y", 0)) for k, sub in nested.items()], {k: sum(sub.values()) for k, sub in nested.items()})
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts, key=lambda c: (-counts[c], c)), {v: k for k, v in counts.items()})
s = set()
for n in [3, 1, 4, 1, 5, 9, 2, 6]:
    s.add(n)
s.discard(100)
s.remove(9)
print(sorted(s), min(s), max(s), sum(s), len(s), 4 in s, sorted({x * x for x in s if x % 2}))
print({1, 2} == {2, 1}, {1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, set() == set(), bool(set()), sorted(set("hello")))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
del merged["pear"]
print("pear" in merged, sorted(merged), dict(sorted(stock.items())), dict(zip(stock.values(), stock)))
