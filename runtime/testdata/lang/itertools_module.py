from itertools import count, cycle, repeat, chain, islice, product, permutations, combinations
from itertools import accumulate, groupby, zip_longest, starmap, takewhile, dropwhile, pairwise
import itertools
print(list(islice(count(5, 2), 4)), list(islice(count(), 2, 10, 3)), list(islice('abcdefg', 2, None)))
print(list(islice(count(0.5, 0.25), 3)), list(islice(cycle('ab'), 5)), list(repeat('x', 3)), list(zip(range(3), repeat(0))))
print(list(chain([1, 2], 'ab', (3,))), list(chain.from_iterable([[1], [2, 3]])), list(chain()))
print(list(product('ab', range(2))), list(product([0, 1], repeat=2)), list(product()))
print(list(permutations([1, 2, 3])), list(permutations('abc', 2)), list(permutations('ab', 3)))
print(list(combinations(range(4), 2)), list(combinations('ab', 3)), list(combinations('abc', 0)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=10)))
print([(k, list(g)) for k, g in groupby('aaabbc')])
print([(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print(list(zip_longest('abc', [1], fillvalue='-')), list(zip_longest([1], [2, 3])))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(pairwise('abcd')), list(pairwise('a')))
print(list(takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
it = count(10)
print(next(it), next(it))
c = itertools.combinations([1, 2, 3], 2)
print(next(c), list(c))
def gen():
    yield 1
    yield 2
print(list(itertools.chain(gen(), gen())), sum(islice(count(1), 100)))
---
from itertools import islice
def numbers():
    n = 0
    while True:
        n += 1
        yield n
evens = (n for n in numbers() if n % 2 == 0)
print(list(islice(evens, 3)), next(evens))
---
from itertools import islice
list(islice([1], -1))  ### ValueError: Stop argument for islice() must be None or an integer
---
from itertools import islice
list(islice([1], 0, 5, 0))  ### ValueError: Step for islice() must be a positive integer or None.
