# The loss the Go host trains its classifier with. Edit this file and run
# the host again: the Go program reads it at start (or, with -watch, each
# time you save it) and needs no rebuild.
#
# The host calls Loss()(logits, labels) once per step. logits and labels
# are float32 tensors of shape (batch,); labels are 1.0 for a benign and
# 0.0 for a malignant tumour. The result must be a scalar tensor.
import mindspore.nn as nn
import mindspore.ops as ops


class Loss(nn.Cell):
    """Binary cross-entropy on logits: mean(softplus(z) - y * z)."""

    def __init__(self):
        super().__init__()
        self.softplus = ops.Softplus()
        self.mean = ops.ReduceMean()

    def construct(self, logits, labels):
        return self.mean(self.softplus(logits) - labels * logits)
