import fakepkg
import fakepkg.sub.leaf
import fakepkg.sub as sub, mindspore
from fakepkg.sub import thing, other as renamed
from fakepkg import (a, b,)
print(fakepkg, sub, mindspore)
print(thing, renamed, a, b)
def local_import():
    import fakepkg.inner as inner
    from fakepkg import local
    return [inner, local]
print(local_import())
