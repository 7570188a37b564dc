import numpy as np
a = np.array([[3.0, 1.0, 4.0, 1.5], [5.0, 9.0, 2.0, 6.0], [5.0, 3.0, 5.0, 8.0]])
print(np.median(a), np.median(a, axis=0), np.median(a, axis=1), np.median(a, axis=1, keepdims=True))
print(np.median(np.array([1, 3, 2, 4])), np.median([7]), type(np.median([1, 2])), np.median(np.array([1, 2], dtype=np.float32)).dtype)
print(np.percentile(a, 50), np.percentile(a, 25, axis=0), np.percentile(a, [10, 90]), np.percentile(a, [10, 90], axis=1))
print(np.percentile(np.arange(10), 33), np.percentile(np.arange(10), 33).dtype, np.percentile(a, 75, axis=1, keepdims=True))
print(np.quantile(a, 0.5), np.quantile(a, 0.3, axis=1), np.quantile(np.array([1.0, 2.0, 4.0, 8.0]), [0.0, 0.25, 1.0]), np.quantile([1, 2, 3], 0.5, keepdims=True))
print(np.quantile(a, [0.2, 0.8], axis=0, keepdims=True).shape, np.percentile(a, (5, 95), axis=0))
print(np.median(np.array([1.0, np.nan, 3.0])), np.median(np.array([[1.0, np.nan], [2.0, 3.0]]), axis=1))
n = np.array([[1.0, np.nan, 3.0], [np.nan, np.nan, 6.0], [2.0, 4.0, np.nan]])
print(np.nanmean(n), np.nanmean(n, axis=0), np.nanmean(n, axis=1), np.nansum(n), np.nansum(n, axis=0), np.nansum(n, axis=1))
print(np.nanmax(n), np.nanmax(n, axis=0), np.nanmin(n, axis=1), np.nanstd(n), np.nanstd(n, axis=0), np.nanstd(n, axis=1))
print(np.nansum(np.array([1, 2, 3])), np.nanmax(np.array([3, 1])), np.nanmean(np.array([1, 2])), np.nanmin([2.5, np.nan]), np.nanmean(n, axis=1, keepdims=True))
print(np.nansum(np.array([np.nan, np.nan])), np.nanstd(np.array([1.0, 2.0, np.nan]), ddof=1), np.nansum(n, axis=1, keepdims=True))
bad = [
    lambda: np.percentile(a, 101),
    lambda: np.quantile(a, -0.5),
]
for f in bad:
    try:
        print(f())
    except ValueError as err:
        # cellscript starts messages with the call, as in "numpy.isin: ".
        message = str(err)
        if message.startswith("numpy."):
            message = message.split(": ", 1)[1]
        print(type(err).__name__, message)
