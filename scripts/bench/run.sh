#!/bin/sh
# Runs the cellscript-versus-PyTorch benchmark table: every row for
# cellscript (GOMAXPROCS=1 and 2) and, when python3-torch is installed,
# for PyTorch as installed and tuned, with 1 and 2 threads. Prints a
# Markdown table of median times and ratios.
#
# usage: scripts/bench/run.sh [ROW...]     (default: every row)
# env:   REPEATS (default 7), OUT (directory for the raw JSON lines)
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
bench="$root/scripts/bench"
out=${OUT:-$(mktemp -d)}
repeats=${REPEATS:-7}
python=/usr/bin/python3
rows=${*:-"sgemm1024 sgemm2048 l1 mse smoothl1 bce softmaxce cosine mlp128 mlp1024 eager linearfit"}

mkdir -p "$out"
cellrepl="$out/cellrepl"
(cd "$root" && go build -o "$cellrepl" ./cmd/cellrepl)

have_torch=0
if "$python" -c "import torch" 2>/dev/null; then
	have_torch=1
fi

# Tuned PyTorch. OpenBLAS 0.3.21 does not recognise this CPU and falls
# back to SSE3 kernels unless OPENBLAS_CORETYPE names the core type. Idle
# OpenMP threads spin unless the wait policy is passive. glibc returns
# freed 64 MiB buffers to the kernel, so every large tensor faults its
# pages in again, unless mmap is kept out of malloc.
tuned="OPENBLAS_CORETYPE=SkylakeX OMP_WAIT_POLICY=PASSIVE MALLOC_MMAP_MAX_=0"

# run_row ROW: appends one JSON line per configuration to $out/results.
run_row() {
	row=$1
	for threads in 1 2; do
		if [ "$row" = linearfit ]; then
			ms=$(wall_ms env GOMAXPROCS=$threads "$cellrepl" run "$root/scripts/tutorial/linear_fit.py")
			echo "{\"row\": \"$row\", \"ms\": $ms, \"impl\": \"cellscript\", \"threads\": $threads}" >>"$out/results"
		else
			line=$(cd "$bench" && GOMAXPROCS=$threads "$cellrepl" run bench_cellscript.py "$row" "$repeats")
			echo "$line" | sed "s/}\$/, \"impl\": \"cellscript\", \"threads\": $threads}/" >>"$out/results"
		fi
		[ $have_torch = 1 ] || continue
		for variant in installed tuned; do
			envs="OMP_NUM_THREADS=$threads OPENBLAS_NUM_THREADS=$threads MKL_NUM_THREADS=$threads"
			[ $variant = tuned ] && envs="$envs $tuned"
			if [ "$row" = linearfit ]; then
				ms=$(wall_ms env $envs "$python" "$bench/linear_fit_torch.py")
				echo "{\"row\": \"$row\", \"ms\": $ms, \"impl\": \"torch-$variant\", \"threads\": $threads}" >>"$out/results"
			else
				line=$(env $envs "$python" "$bench/bench_torch.py" "$row" "$repeats" "$threads")
				echo "$line" | sed "s/}\$/, \"impl\": \"torch-$variant\", \"threads\": $threads}/" >>"$out/results"
			fi
		done
	done
}

# wall_ms CMD...: prints the median wall time of REPEATS runs of a whole
# process, in milliseconds.
wall_ms() {
	"$python" - "$repeats" "$@" <<'PY'
import subprocess, sys, time
n = int(sys.argv[1])
times = []
for _ in range(n):
    t = time.perf_counter()
    subprocess.run(sys.argv[2:], check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - t)
times.sort()
print(times[len(times) // 2] * 1000)
PY
}

: >"$out/results"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >"$out/load"
for row in $rows; do
	run_row "$row"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/load"
"$python" "$bench/table.py" "$out/results"
cat "$out/load"
echo "raw results: $out/results"
