# Reference case embedding; written by gen_reference.py.
import math
import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter, ParameterTuple
from mindspore.common.initializer import Normal, Uniform, TruncatedNormal, XavierUniform, XavierNormal, HeUniform, HeNormal, Zero, One, Constant

out = {}
TABLE = Tensor(np.array([[-0.2707123230673205, 0.10484805260974006, 0.25052781572357197], [-0.9251999652780767, 0.567143660285906, -1.040180216082938], [-0.15367595145793744, 0.7898518103468191, -1.2262158464418542], [-0.9480069877134585, -0.5696539419300647, -0.9771502146977724], [-0.7706317111835508, -0.03371129145348602, -1.03285924516613]], np.float32))
ids = Tensor(np.array([[0.0, 2.0, 4.0], [4.0, 1.0, 1.0]], np.int32))
R = Tensor(np.array([[[1.142427376683153, -0.6097780076874727, 1.4694163868766703], [1.4926788367383332, 0.7071252278892184, -1.8584902566516113], [-1.3706237711281049, -0.33010638792060293, -1.5152899458722047]], [[1.2000601858215505, -1.8226191434208407, 0.26938454136355156], [-0.44642437564718757, 1.1143136000921545, -1.3808025981774998], [1.0154245175554326, 0.22408128328770296, -0.6445511142707021]]], np.float32))
emb = nn.Embedding(5, 3, embedding_table=TABLE)
out["lookup"] = emb(ids)
out["lookup_int64"] = emb(Tensor(np.array([3, 0], np.int64)))
g = ms.grad(lambda i: (emb(i) * R).sum(), None, emb.trainable_params())(ids)
out["grad_table"] = g[0]
pad = nn.Embedding(5, 3, embedding_table=TABLE, padding_idx=1)
out["padded"] = pad.embedding_table.asnumpy()
out["table_untouched"] = TABLE
out["name"] = [pad.trainable_params()[0].name == "embedding_table"]
ms.set_seed(12)
out["normal_table"] = nn.Embedding(4, 2).embedding_table.asnumpy()
