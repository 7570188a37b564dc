#!/bin/sh
# Checks the CUDA backend on a machine with an NVIDIA GPU. It runs the
# engine/cuda test suite against the real driver: the op conformance
# suite, and the tutorial programs, the digits classifier and the loss
# catalogue compared with the CPU. It prints the digits accuracy on both
# devices. Then it benchmarks the fused loss forward and backward pass
# at 256M float32 elements against the copy bandwidth, and a float32
# 8192 matrix product against PyTorch when PyTorch is installed. It ends
# with a short table and exits 1 when a test fails. The time limits of
# the steps add up to under 8 minutes. A run should take about 3
# minutes, an estimate, since the script has not yet run on a GPU.
#
# usage: scripts/gpu/check.sh              build with Go, then check
#        scripts/gpu/check.sh --build DIR  only build the binaries into
#                                          DIR, for a GPU machine without Go
# env:   CELLSCRIPT_GPU_BIN  directory of binaries from --build; without
#                            it the script builds into a temporary one
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)

# build DIR: the runner, the test binary and the benchmark, pure Go.
build() {
	mkdir -p "$1"
	dir=$(cd "$1" && pwd)
	cd "$root"
	CGO_ENABLED=0 go build -trimpath -ldflags=-s -o "$dir/cellrepl" ./cmd/cellrepl
	CGO_ENABLED=0 go test -c -trimpath -ldflags=-s -o "$dir/cuda.test" ./engine/cuda
	CGO_ENABLED=0 go build -trimpath -ldflags=-s -o "$dir/gpubench" ./scripts/gpu/gpubench
	cd - >/dev/null
}

if [ "${1:-}" = --build ]; then
	build "${2:?usage: scripts/gpu/check.sh --build DIR}"
	echo "built cellrepl, cuda.test and gpubench into $2"
	exit 0
fi

# has_gpu succeeds when nvidia-smi lists a GPU, or, without nvidia-smi,
# when the driver library is installed.
has_gpu() {
	if command -v nvidia-smi >/dev/null 2>&1; then
		nvidia-smi -L 2>/dev/null | grep -q '^GPU'
		return
	fi
	ldconfig -p 2>/dev/null | grep -q 'libcuda\.so\.1' || [ -e /usr/local/nvidia/lib64/libcuda.so.1 ]
}

if ! has_gpu; then
	echo "scripts/gpu/check.sh: no NVIDIA GPU found (nvidia-smi lists none, or libcuda.so.1 is missing); run it on a machine with a GPU and its driver" >&2
	exit 1
fi

bin=${CELLSCRIPT_GPU_BIN:-}
if [ -z "$bin" ]; then
	if ! command -v go >/dev/null 2>&1; then
		echo "scripts/gpu/check.sh: Go is not installed here; run scripts/gpu/check.sh --build DIR where it is and set CELLSCRIPT_GPU_BIN=DIR" >&2
		exit 1
	fi
	bin=$(mktemp -d)
	echo "== building into $bin"
	# The build needs the module cache or the Go module proxy; nothing
	# else can run without its binaries, so a failed build ends the check.
	if ! timeout 120 sh "$root/scripts/gpu/check.sh" --build "$bin" >/dev/null; then
		echo "scripts/gpu/check.sh: FAILED: building the binaries failed or took over 120 s (messages above); build elsewhere with --build DIR and set CELLSCRIPT_GPU_BIN=DIR" >&2
		exit 1
	fi
fi
bin=$(cd "$bin" && pwd)
log=$(mktemp -d)
status=0

echo "== engine/cuda tests on the real driver"
if (cd "$root/engine/cuda" && timeout 150 "$bin/cuda.test" -cuda.device=real -test.timeout=140s -test.v) >"$log/tests" 2>&1; then
	tests="PASS"
else
	tests="FAIL (log: $log/tests)"
	status=1
	grep -E -- '--- FAIL|panic|Error' "$log/tests" | head -40 || true
fi
passed=$(grep -c -- '--- PASS' "$log/tests" || true)
failed=$(grep -c -- '--- FAIL' "$log/tests" || true)
# area NAME PATTERN: "passed/run" for the top-level tests that match.
area() {
	p=$(grep -cE -- "^--- PASS: $2" "$log/tests" || true)
	f=$(grep -cE -- "^--- FAIL: $2" "$log/tests" || true)
	echo "$1 $p/$((p + f))"
}
areas="$(area optimizer 'TestConformanceOptimizer|TestOptimizerErrors'), $(area divmod TestConformanceDivMod), $(area dropout TestConformanceDropout), $(area programs TestProgramsOnGPU), $(area unsupported TestUnsupportedOps)"
# The names of failing subtests, so the table shows what broke.
failures=$(grep -oE -- '--- FAIL: [^ ]+' "$log/tests" | sed 's/--- FAIL: //' | head -12 | tr '\n' ' ')
if [ "$tests" = PASS ] && [ "$passed" -eq 0 ]; then
	tests="FAIL: no test ran (log: $log/tests)"
	status=1
fi

echo "== digits on CPU and GPU"
accuracy() {
	(cd "$root" && timeout 45 "$bin/cellrepl" run --device "$1" scripts/digits.py) >"$log/digits-$1" 2>&1 || true
	sed -n 's/^held-out accuracy: //p' "$log/digits-$1"
}
acc_cpu=$(accuracy CPU)
acc_gpu=$(accuracy GPU)
[ -n "$acc_gpu" ] || { status=1; acc_gpu="failed (log: $log/digits-GPU): $(tail -2 "$log/digits-GPU" | tr '\n' ' ')"; }

echo "== benchmarks"
bench="ran"
if ! timeout 60 "$bin/gpubench" >"$log/bench" 2>&1; then
	status=1
	bench="FAIL (log: $log/bench): $(tail -2 "$log/bench" | tr '\n' ' ')"
	echo "gpubench failed: $(tail -3 "$log/bench")"
fi
value() { sed -n "s/^$1 \([0-9.]*\).*/\1/p" "$log/bench"; }
device=$(sed -n 's/^device //p' "$log/bench")
copy=$(value copy_bandwidth)
loss=$(value fused_loss_fwd_bwd)
sgemm=$(value sgemm)
torch="not installed"
if python3 -c "import torch; assert torch.cuda.is_available()" 2>/dev/null; then
	torch=$(timeout 45 python3 "$root/scripts/gpu/torch_sgemm.py" 8192 2>&1 | sed -n 's/^torch_sgemm \([0-9.]*\).*/\1/p')
	torch=${torch:-failed}
fi
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }'; }

cat <<EOF

device: ${device:-unknown}
| check | result | target |
|---|---|---|
| engine/cuda tests, real driver | $tests ($passed passed, $failed failed) | all pass |
| conformance areas (top-level tests passed/run) | $areas | all pass |
| failing tests | ${failures:-none} | none |
| gpubench | $bench | runs |
| digits held-out accuracy, CPU / GPU | ${acc_cpu:-failed} / $acc_gpu | GPU reaches CPU |
| copy bandwidth (read + write) | ${copy:-n/a} GB/s | |
| fused MSE loss fwd+bwd, 256M float32 | ${loss:-n/a} GB/s, $(ratio "${loss:-0}" "${copy:-0}") of copy | >= 70% of copy |
| sgemm 8192, cellscript / PyTorch | ${sgemm:-n/a} / $torch TFLOP/s, $(ratio "${sgemm:-0}" "${torch:-0}") | within 10% |
EOF
if [ "$status" -ne 0 ]; then
	echo "scripts/gpu/check.sh: FAILED; the rows above name the failing checks and their logs" >&2
fi
exit $status
