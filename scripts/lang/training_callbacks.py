"""A training loop with callbacks, early stopping and a timer context,
modelled on MindSpore's Model.train with Callback and RunContext."""


class RunContext:
    def __init__(self, params):
        self._params = params
        self._stop = False

    def original_args(self):
        return self._params

    def request_stop(self):
        self._stop = True

    @property
    def stopped(self):
        return self._stop


class Callback:
    """Base class whose hooks do nothing, as mindspore.train.Callback."""

    def on_train_begin(self, run_context):
        pass

    def on_train_step_end(self, run_context):
        pass

    def on_train_epoch_end(self, run_context):
        pass

    def on_train_end(self, run_context):
        pass


class LogMixin:
    def log(self, *parts, sep=" "):
        print("[%s]" % type(self).__name__, *parts, sep=sep)


class LossMonitor(LogMixin, Callback):
    def __init__(self, per_print_times=1):
        super().__init__()
        self.per_print_times = per_print_times

    def on_train_step_end(self, run_context):
        cb = run_context.original_args()
        if cb.cur_step_num % self.per_print_times == 0:
            self.log(f"epoch: {cb.cur_epoch_num} step: {cb.cur_step_num}, loss is {cb.net_outputs:.6f}")


class EarlyStopping(LogMixin, Callback):
    def __init__(self, patience, min_delta=1e-3):
        super(EarlyStopping, self).__init__()
        self.patience, self.min_delta = patience, min_delta
        self.best, self.wait = float("inf"), 0

    def on_train_epoch_end(self, run_context):
        loss = run_context.original_args().net_outputs
        if loss < self.best - self.min_delta:
            self.best, self.wait = loss, 0
            return
        self.wait += 1
        if self.wait >= self.patience:
            self.log("no improvement for %d epochs, stopping" % self.wait)
            run_context.request_stop()


class Params:
    pass


class FakeClock:
    now = 0.0

    @classmethod
    def tick(cls, dt):
        cls.now += dt
        return cls.now


class Timer:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        self.start = FakeClock.now
        return self

    def __exit__(self, exc_type, exc, tb):
        print("%s took %.1fs%s" % (self.name, FakeClock.now - self.start, " (failed)" if exc_type else ""))
        return False


total_steps = 0


def train(epochs, losses, callbacks, steps_per_epoch=2):
    global total_steps
    cb = Params()
    ctx = RunContext(cb)
    for c in callbacks:
        c.on_train_begin(ctx)
    for epoch in range(1, epochs + 1):
        for step in range(steps_per_epoch):
            total_steps += 1
            FakeClock.tick(0.5)
            cb.cur_epoch_num, cb.cur_step_num = epoch, total_steps
            cb.net_outputs = next(losses)
            for c in callbacks:
                c.on_train_step_end(ctx)
        for c in callbacks:
            c.on_train_epoch_end(ctx)
        if ctx.stopped:
            break
    for c in callbacks:
        c.on_train_end(ctx)
    return epoch


def loss_curve():
    loss = 2.0
    while True:
        yield loss
        loss = max(loss * 0.5, 0.25)


with Timer("training"):
    last = train(10, loss_curve(), [LossMonitor(per_print_times=2), EarlyStopping(patience=2)])
print("stopped after epoch", last, "of 10; steps:", total_steps)
print([c.__name__ for c in LossMonitor.__mro__])

try:
    with Timer("bad run"):
        train(1, iter([]), [LossMonitor()])
except StopIteration:
    print("the loss stream ran dry")
