//go:build linux

package cuda

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"unsafe"

	"github.com/ebitengine/purego"
)

// realDriver calls libcuda, NVRTC and cuBLAS through purego, with no
// cgo and no CUDA toolkit at build time.
type realDriver struct {
	dev    int32
	ctx    uintptr
	stream uintptr
	blas   uintptr
	about  deviceInfo
	nvrtc  string

	cuda cudaAPI
	rtc  nvrtcAPI
	bl   cublasAPI
}

// cudaAPI is the part of the driver API the backend calls; each
// function returns a CUresult.
type cudaAPI struct {
	Init                    func(flags uint32) int32
	DriverGetVersion        func(v *int32) int32
	DeviceGet               func(dev *int32, ordinal int32) int32
	DeviceGetName           func(name *byte, n int32, dev int32) int32
	DeviceGetAttribute      func(v *int32, attr int32, dev int32) int32
	DeviceTotalMem          func(bytes *uint64, dev int32) int32
	DevicePrimaryCtxRetain  func(ctx *uintptr, dev int32) int32
	DevicePrimaryCtxRelease func(dev int32) int32
	CtxSetCurrent           func(ctx uintptr) int32
	StreamCreate            func(s *uintptr, flags uint32) int32
	StreamDestroy           func(s uintptr) int32
	StreamSynchronize       func(s uintptr) int32
	MemAlloc                func(p *uint64, bytes uint64) int32
	MemFree                 func(p uint64) int32
	MemcpyHtoDAsync         func(dst uint64, src unsafe.Pointer, bytes uint64, s uintptr) int32
	MemcpyDtoHAsync         func(dst unsafe.Pointer, src uint64, bytes uint64, s uintptr) int32
	MemcpyDtoDAsync         func(dst, src uint64, bytes uint64, s uintptr) int32
	ModuleLoadData          func(m *uintptr, image unsafe.Pointer) int32
	ModuleGetFunction       func(f *uintptr, m uintptr, name string) int32
	LaunchKernel            func(f uintptr, gx, gy, gz, bx, by, bz, shared uint32, s uintptr, params, extra unsafe.Pointer) int32
	GetErrorName            func(code int32, s **byte) int32
	GetErrorString          func(code int32, s **byte) int32
}

// nvrtcAPI is NVRTC's API; each function returns an nvrtcResult.
type nvrtcAPI struct {
	Version           func(major, minor *int32) int32
	CreateProgram     func(p *uintptr, src, name string, numHeaders int32, headers, names unsafe.Pointer) int32
	CompileProgram    func(p uintptr, n int32, options unsafe.Pointer) int32
	GetProgramLogSize func(p uintptr, n *uint64) int32
	GetProgramLog     func(p uintptr, log *byte) int32
	GetCUBINSize      func(p uintptr, n *uint64) int32
	GetCUBIN          func(p uintptr, out *byte) int32
	DestroyProgram    func(p *uintptr) int32
	GetErrorString    func(code int32) string
}

// cublasAPI is cuBLAS's API; each function returns a cublasStatus_t.
type cublasAPI struct {
	Create    func(h *uintptr) int32
	Destroy   func(h uintptr) int32
	SetStream func(h, s uintptr) int32
	Sgemm     func(h uintptr, ta, tb, m, n, k int32, alpha *float32, a uint64, lda int32, b uint64, ldb int32, beta *float32, c uint64, ldc int32) int32
	Dgemm     func(h uintptr, ta, tb, m, n, k int32, alpha *float64, a uint64, lda int32, b uint64, ldb int32, beta *float64, c uint64, ldc int32) int32
}

// CUDA driver constants (cuda.h).
const (
	cudaSuccess          = 0
	cudaErrorOutOfMemory = 2
	attrSMCount          = 16
	attrCCMajor          = 75
	attrCCMinor          = 76
	streamNonBlocking    = 1
	launchParamEnd       = 0
	launchParamBuffer    = 1
	launchParamSize      = 2
)

// openReal loads the libraries and resolves their functions. The
// context and stream are made later by bind, on the owning thread.
func openReal() (driver, error) {
	home, _ := os.UserHomeDir()
	user, system := searchDirs(os.Getenv(PathEnv), home, filepath.Glob)
	r := &realDriver{}
	h, _, err := dlopenFirst(libCUDA, user, system)
	if err != nil {
		return nil, ErrNoDriver
	}
	if err := bindAll(h, &r.cuda, "cu", map[string]string{
		"DeviceTotalMem": "cuDeviceTotalMem_v2", "DevicePrimaryCtxRelease": "cuDevicePrimaryCtxRelease_v2", "StreamDestroy": "cuStreamDestroy_v2",
		"MemAlloc": "cuMemAlloc_v2", "MemFree": "cuMemFree_v2", "MemcpyHtoDAsync": "cuMemcpyHtoDAsync_v2",
		"MemcpyDtoHAsync": "cuMemcpyDtoHAsync_v2", "MemcpyDtoDAsync": "cuMemcpyDtoDAsync_v2",
	}); err != nil {
		return nil, fmt.Errorf("cuda: the CUDA driver is too old: %w", err)
	}

	// cuDriverGetVersion is one of the calls allowed before cuInit.
	var version int32
	if err := r.check("cuDriverGetVersion", r.cuda.DriverGetVersion(&version)); err != nil {
		return nil, err
	}
	if err := r.openNVRTC(user, system, int(version)); err != nil {
		return nil, err
	}

	h, path, err := openCublas(user, system)
	if err != nil {
		return nil, err
	}
	if err := bindAll(h, &r.bl, "cublas", map[string]string{
		"Create": "cublasCreate_v2", "Destroy": "cublasDestroy_v2", "SetStream": "cublasSetStream_v2",
		"Sgemm": "cublasSgemm_v2", "Dgemm": "cublasDgemm_v2",
	}); err != nil {
		return nil, fmt.Errorf("cuda: %s: %w", path, err)
	}
	return r, nil
}

// dlopenFirst opens the first candidate of lib that loads.
func dlopenFirst(lib library, user, system []string) (uintptr, string, error) {
	tried := lib.candidates(user, system, fileExists)
	for _, p := range tried {
		if h, err := purego.Dlopen(p, purego.RTLD_NOW|purego.RTLD_GLOBAL); err == nil {
			return h, p, nil
		}
	}
	return 0, "", fmt.Errorf("cuda: %s (%s) was not found; install it or add its directory to %s (tried %s)", lib.what, lib.names[0], PathEnv, strings.Join(tried, ", "))
}

// openNVRTC opens the newest NVRTC whose images the driver can load,
// with the libnvrtc-builtins beside it loaded first, since NVRTC loads
// that library by name at compile time and the dynamic loader may not
// search NVRTC's directory.
func (r *realDriver) openNVRTC(user, system []string, driverVersion int) error {
	tried := libNVRTC.candidates(user, system, fileExists)
	var skipped []string
	for _, p := range tried {
		preloadBuiltins(p)
		h, err := purego.Dlopen(p, purego.RTLD_NOW|purego.RTLD_GLOBAL)
		if err != nil {
			continue
		}
		var api nvrtcAPI
		if err := bindAll(h, &api, "nvrtc", nil); err != nil {
			return fmt.Errorf("cuda: %s: %w", p, err)
		}
		var major, minor int32
		api.Version(&major, &minor)
		if !nvrtcFits(int(major), driverVersion) {
			skipped = append(skipped, fmt.Sprintf("%s is NVRTC %d.%d", p, major, minor))
			continue
		}
		r.rtc = api
		r.nvrtc = fmt.Sprintf("NVRTC %d.%d", major, minor)
		return nil
	}
	if len(skipped) > 0 {
		return fmt.Errorf("cuda: no NVRTC fits CUDA driver %d.%d, which loads images of CUDA %d.x and older (%s); install the NVRTC of the driver's CUDA version and add its directory to %s", driverVersion/1000, driverVersion%1000/10, driverVersion/1000, strings.Join(skipped, ", "), PathEnv)
	}
	return fmt.Errorf("cuda: %s (%s) was not found; install it or add its directory to %s (tried %s)", libNVRTC.what, libNVRTC.names[0], PathEnv, strings.Join(tried, ", "))
}

// preloadBuiltins loads the libnvrtc-builtins in the directory of the
// NVRTC at path, when path names a directory.
func preloadBuiltins(path string) {
	if !strings.Contains(path, "/") {
		return
	}
	for _, p := range builtinsBeside(path, filepath.Glob) {
		if _, err := purego.Dlopen(p, purego.RTLD_NOW|purego.RTLD_GLOBAL); err == nil {
			return
		}
	}
}

// openCublas opens cuBLAS after the cuBLASLt beside it, which cuBLAS
// needs and which the dynamic loader may not find on its own.
func openCublas(user, system []string) (uintptr, string, error) {
	tried := libCUBLAS.candidates(user, system, fileExists)
	for _, p := range tried {
		lt := strings.Replace(p, "libcublas.", "libcublasLt.", 1)
		if !strings.Contains(p, "/") || fileExists(lt) {
			purego.Dlopen(lt, purego.RTLD_NOW|purego.RTLD_GLOBAL)
		}
		if h, err := purego.Dlopen(p, purego.RTLD_NOW|purego.RTLD_GLOBAL); err == nil {
			return h, p, nil
		}
	}
	return 0, "", fmt.Errorf("cuda: %s (%s) was not found; install it or add its directory to %s (tried %s)", libCUBLAS.what, libCUBLAS.names[0], PathEnv, strings.Join(tried, ", "))
}

// bindAll sets every function field of api (a pointer to a struct) to
// the library symbol prefix+FieldName, or to the name in rename.
func bindAll(lib uintptr, api any, prefix string, rename map[string]string) error {
	v := reflectStruct(api)
	for i := 0; i < v.NumField(); i++ {
		field := v.Type().Field(i)
		sym := prefix + field.Name
		if r, ok := rename[field.Name]; ok {
			sym = r
		}
		addr, err := purego.Dlsym(lib, sym)
		if err != nil || addr == 0 {
			return fmt.Errorf("symbol %s is missing", sym)
		}
		purego.RegisterFunc(v.Field(i).Addr().Interface(), addr)
	}
	return nil
}

func (r *realDriver) bind() error {
	if err := r.check("cuInit", r.cuda.Init(0)); err != nil {
		return err
	}
	if err := r.check("cuDeviceGet", r.cuda.DeviceGet(&r.dev, 0)); err != nil {
		return err
	}
	if err := r.check("cuDevicePrimaryCtxRetain", r.cuda.DevicePrimaryCtxRetain(&r.ctx, r.dev)); err != nil {
		return err
	}
	if err := r.check("cuCtxSetCurrent", r.cuda.CtxSetCurrent(r.ctx)); err != nil {
		return err
	}
	if err := r.check("cuStreamCreate", r.cuda.StreamCreate(&r.stream, streamNonBlocking)); err != nil {
		return err
	}
	if s := r.bl.Create(&r.blas); s != 0 {
		return fmt.Errorf("cuda: cublasCreate: %s", cublasStatus(s))
	}
	if s := r.bl.SetStream(r.blas, r.stream); s != 0 {
		return fmt.Errorf("cuda: cublasSetStream: %s", cublasStatus(s))
	}
	return r.describe()
}

func (r *realDriver) describe() error {
	name := make([]byte, 256)
	if err := r.check("cuDeviceGetName", r.cuda.DeviceGetName(&name[0], int32(len(name)), r.dev)); err != nil {
		return err
	}
	var major, minor, sms, version int32
	var mem uint64
	r.cuda.DeviceGetAttribute(&major, attrCCMajor, r.dev)
	r.cuda.DeviceGetAttribute(&minor, attrCCMinor, r.dev)
	r.cuda.DeviceGetAttribute(&sms, attrSMCount, r.dev)
	r.cuda.DeviceTotalMem(&mem, r.dev)
	r.cuda.DriverGetVersion(&version)
	r.about = deviceInfo{
		Name:  strings.TrimRight(string(name), "\x00"),
		Major: int(major), Minor: int(minor), TotalMem: mem, SMs: int(sms),
		Driver: fmt.Sprintf("CUDA driver %d.%d, %s", version/1000, version%1000/10, r.nvrtc),
	}
	return nil
}

func (r *realDriver) info() deviceInfo { return r.about }

// check turns a CUresult into an error that names the call.
func (r *realDriver) check(call string, code int32) error {
	if code == cudaSuccess {
		return nil
	}
	var name, text *byte
	r.cuda.GetErrorName(code, &name)
	r.cuda.GetErrorString(code, &text)
	return fmt.Errorf("cuda: %s failed: %s (%s, %d)", call, cString(text), cString(name), code)
}

// cString copies a NUL-terminated C string.
func cString(p *byte) string {
	if p == nil {
		return "unknown error"
	}
	n := 0
	for *(*byte)(unsafe.Add(unsafe.Pointer(p), n)) != 0 {
		n++
	}
	return string(unsafe.Slice(p, n))
}

// reflectStruct returns the struct that api points to.
func reflectStruct(api any) reflect.Value { return reflect.ValueOf(api).Elem() }

func (r *realDriver) memAlloc(bytes int64) (devPtr, error) {
	var p uint64
	code := r.cuda.MemAlloc(&p, uint64(bytes))
	if code == cudaErrorOutOfMemory {
		return 0, errOutOfMemory
	}
	return devPtr(p), r.check("cuMemAlloc", code)
}

func (r *realDriver) memFree(p devPtr) error { return r.check("cuMemFree", r.cuda.MemFree(uint64(p))) }

func (r *realDriver) memcpyHtoD(dst devPtr, src unsafe.Pointer, bytes int64) error {
	return r.check("cuMemcpyHtoDAsync", r.cuda.MemcpyHtoDAsync(uint64(dst), src, uint64(bytes), r.stream))
}

func (r *realDriver) memcpyDtoH(dst unsafe.Pointer, src devPtr, bytes int64) error {
	if err := r.check("cuMemcpyDtoHAsync", r.cuda.MemcpyDtoHAsync(dst, uint64(src), uint64(bytes), r.stream)); err != nil {
		return err
	}
	return r.synchronize()
}

func (r *realDriver) memcpyDtoD(dst, src devPtr, bytes int64) error {
	return r.check("cuMemcpyDtoDAsync", r.cuda.MemcpyDtoDAsync(uint64(dst), uint64(src), uint64(bytes), r.stream))
}

func (r *realDriver) compilerVersion() string { return r.nvrtc }

// compile runs NVRTC and returns a CUBIN for the architecture in the
// options.
func (r *realDriver) compile(src, name string, options []string) ([]byte, string, error) {
	var prog uintptr
	if c := r.rtc.CreateProgram(&prog, src, name, 0, nil, nil); c != 0 {
		return nil, "", fmt.Errorf("nvrtcCreateProgram: %s", r.rtc.GetErrorString(c))
	}
	defer r.rtc.DestroyProgram(&prog)
	var pin runtime.Pinner
	defer pin.Unpin()
	ptrs := make([]uintptr, len(options))
	for i, o := range options {
		b := append([]byte(o), 0)
		pin.Pin(&b[0])
		ptrs[i] = uintptr(unsafe.Pointer(&b[0]))
	}
	var opts unsafe.Pointer
	if len(ptrs) > 0 {
		pin.Pin(&ptrs[0])
		opts = unsafe.Pointer(&ptrs[0])
	}
	code := r.rtc.CompileProgram(prog, int32(len(options)), opts)
	log := r.programLog(prog)
	if code != 0 {
		return nil, log, errors.New(r.rtc.GetErrorString(code))
	}
	var size uint64
	if c := r.rtc.GetCUBINSize(prog, &size); c != 0 || size == 0 {
		return nil, log, fmt.Errorf("nvrtcGetCUBINSize: %s", r.rtc.GetErrorString(c))
	}
	image := make([]byte, size)
	if c := r.rtc.GetCUBIN(prog, &image[0]); c != 0 {
		return nil, log, fmt.Errorf("nvrtcGetCUBIN: %s", r.rtc.GetErrorString(c))
	}
	return image, log, nil
}

func (r *realDriver) programLog(prog uintptr) string {
	var n uint64
	if r.rtc.GetProgramLogSize(prog, &n) != 0 || n <= 1 {
		return ""
	}
	b := make([]byte, n)
	r.rtc.GetProgramLog(prog, &b[0])
	return strings.TrimRight(string(b), "\x00")
}

func (r *realDriver) moduleLoad(image []byte) (handle, error) {
	var m uintptr
	err := r.check("cuModuleLoadData", r.cuda.ModuleLoadData(&m, unsafe.Pointer(&image[0])))
	runtime.KeepAlive(image)
	return handle(m), err
}

func (r *realDriver) moduleFunction(m handle, name string) (handle, error) {
	var f uintptr
	err := r.check("cuModuleGetFunction "+name, r.cuda.ModuleGetFunction(&f, uintptr(m), name))
	return handle(f), err
}

// launch passes the packed parameters as one buffer through the extra
// argument (CU_LAUNCH_PARAM_BUFFER_POINTER). The buffer holds no Go
// pointers; it and the extra array are pinned for the call.
func (r *realDriver) launch(f handle, grid, block [3]uint32, shared uint32, params []byte) error {
	if len(params) == 0 {
		return fmt.Errorf("cuda: kernel launch without parameters")
	}
	size := new(uint64)
	*size = uint64(len(params))
	extra := make([]uintptr, 5)
	extra[0] = launchParamBuffer
	extra[1] = uintptr(unsafe.Pointer(&params[0]))
	extra[2] = launchParamSize
	extra[3] = uintptr(unsafe.Pointer(size))
	extra[4] = launchParamEnd
	var pin runtime.Pinner
	pin.Pin(&params[0])
	pin.Pin(size)
	pin.Pin(&extra[0])
	defer pin.Unpin()
	return r.check("cuLaunchKernel", r.cuda.LaunchKernel(uintptr(f), grid[0], grid[1], grid[2], block[0], block[1], block[2], shared, r.stream, nil, unsafe.Pointer(&extra[0])))
}

func (r *realDriver) gemm(t gemmType, transA, transB bool, m, n, k int, alpha float64, a devPtr, lda int, b devPtr, ldb int, beta float64, c devPtr, ldc int) error {
	op := func(trans bool) int32 {
		if trans {
			return 1 // CUBLAS_OP_T
		}
		return 0 // CUBLAS_OP_N
	}
	var s int32
	if t == gemmF32 {
		al, be := float32(alpha), float32(beta)
		s = r.bl.Sgemm(r.blas, op(transA), op(transB), int32(m), int32(n), int32(k), &al, uint64(a), int32(lda), uint64(b), int32(ldb), &be, uint64(c), int32(ldc))
	} else {
		s = r.bl.Dgemm(r.blas, op(transA), op(transB), int32(m), int32(n), int32(k), &alpha, uint64(a), int32(lda), uint64(b), int32(ldb), &beta, uint64(c), int32(ldc))
	}
	if s != 0 {
		return fmt.Errorf("cuda: cublasGemm (m=%d n=%d k=%d): %s", m, n, k, cublasStatus(s))
	}
	return nil
}

func (r *realDriver) synchronize() error {
	return r.check("cuStreamSynchronize", r.cuda.StreamSynchronize(r.stream))
}

func (r *realDriver) close() error {
	if r.blas != 0 {
		r.bl.Destroy(r.blas)
	}
	if r.stream != 0 {
		r.cuda.StreamDestroy(r.stream)
	}
	return r.check("cuDevicePrimaryCtxRelease", r.cuda.DevicePrimaryCtxRelease(r.dev))
}

// cublasStatus names a cublasStatus_t (cublas_api.h).
func cublasStatus(s int32) string {
	names := map[int32]string{
		1: "CUBLAS_STATUS_NOT_INITIALIZED", 3: "CUBLAS_STATUS_ALLOC_FAILED", 7: "CUBLAS_STATUS_INVALID_VALUE",
		8: "CUBLAS_STATUS_ARCH_MISMATCH", 11: "CUBLAS_STATUS_MAPPING_ERROR", 13: "CUBLAS_STATUS_EXECUTION_FAILED",
		14: "CUBLAS_STATUS_INTERNAL_ERROR", 15: "CUBLAS_STATUS_NOT_SUPPORTED", 16: "CUBLAS_STATUS_LICENSE_ERROR",
	}
	if n, ok := names[s]; ok {
		return n
	}
	return fmt.Sprintf("cuBLAS status %d", s)
}
