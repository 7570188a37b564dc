"""itertools and collections in everyday recipes."""
import itertools
from collections import Counter, OrderedDict, defaultdict, deque
from itertools import accumulate, chain, combinations, groupby, islice, product, zip_longest


def batched(iterable, n):
    it = iter(iterable)
    while True:
        chunk = list(islice(it, n))
        if not chunk:
            return
        yield chunk


print(list(batched(range(7), 3)), list(batched("abcde", 2)))
sales = [("north", "jan", 10), ("north", "feb", 7), ("south", "jan", 4), ("south", "mar", 9), ("east", "feb", 1)]
for region, group in groupby(sales, key=lambda s: s[0]):
    rows = list(group)
    print(f"{region:<6}{len(rows)} rows, total {sum(r[2] for r in rows):>3}")
by_month = defaultdict(list)
for region, month, amount in sales:
    by_month[month].append(amount)
print(dict(by_month), {m: sum(v) for m, v in sorted(by_month.items())})
print(list(accumulate([3, 1, 4, 1, 5])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate(range(1, 6), lambda a, b: a * b)))
teams = ["red", "blue", "green"]
print(list(combinations(teams, 2)), len(list(itertools.permutations(teams))))
print(["".join(p) for p in product("ab", "xy")], list(product(range(2), repeat=3))[:3])
grid = [(r, c) for r, c in product(range(2), range(3)) if r != c]
print(grid, list(chain.from_iterable([[1, 2], [3], []])), list(chain("ab", [1])))
print(list(zip_longest("abc", "x", fillvalue="_")), list(itertools.starmap(max, [(1, 5), (7, 2)])))
counter = itertools.count(start=100, step=10)
labels = {name: next(counter) for name in teams}
print(labels, next(counter))
cyc = itertools.cycle(["on", "off"])
print([next(cyc) for _ in range(5)], list(itertools.repeat(0, 4)))
nums = [1, 4, 6, 8, 3, 10]
print(list(itertools.takewhile(lambda n: n < 7, nums)), list(itertools.dropwhile(lambda n: n < 7, nums)))
print(list(itertools.pairwise([1, 4, 9, 16])), [b - a for a, b in itertools.pairwise([1, 4, 9, 16])])
words = "the quick the lazy the end quick".split()
freq = Counter(words)
print(freq.most_common(2), freq["the"], freq["missing"], sorted(freq.elements())[:4])
window = deque()
for n in range(6):
    window.append(n)
    if len(window) > 3:
        window.popleft()
print(window, window.count(4), window.index(5), list(reversed(window)))
recent = OrderedDict()
for key in ["a", "b", "c", "a"]:
    recent[key] = recent.get(key, 0) + 1
    recent.move_to_end(key)
print(recent, list(recent), recent == OrderedDict([("b", 1), ("c", 1), ("a", 2)]), recent == {"a": 2, "b": 1, "c": 1})
d = {"x": 1, "y": 2}
print(d.keys() == {"x", "y"}, d.items() == {("x", 1), ("y", 2)}, sorted(d.keys() | {"z"}), d.keys() - {"x"})
first_even = next((n for n in nums if n % 2 == 0 and n > 5), None)
print(first_even, next((n for n in nums if n > 100), "none"), sum(1 for _ in islice(itertools.count(), 5)))
