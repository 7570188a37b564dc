import csv
import os
base = "testdata/numpy" if os.path.exists("testdata/numpy") else "tests/testdata/numpy"
path = base + "/np_csv_module.tmp.csv"
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["name", "note", "score"])
    w.writerow(["ada", "likes, commas", 1.5])
    w.writerows([["bob", 'says "hi"', 2], ["cy", "two\nlines", None], [""]])
with open(path, newline="") as f:
    print(repr(f.read()))
with open(path, newline="") as f:
    r = csv.reader(f)
    print(next(r))
    for row in r:
        print(row)
with open(path, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["id", "label"])
    w.writeheader()
    w.writerow({"id": 1, "label": "a,b"})
    w.writerows([{"id": 2}, {"label": "z", "id": 3}])
    try:
        w.writerow({"id": 4, "extra": 1})
    except ValueError as err:
        print("ValueError", err)
with open(path, newline="") as f:
    for row in csv.DictReader(f):
        print(row)
with open(path, newline="") as f:
    print(list(csv.DictReader(f, fieldnames=["a", "b"])))
print(list(csv.reader(["1;2;3", "x;'y';z"], delimiter=";")))
os.remove(path)
