# CPython stand-ins matching the Go stand-ins in standins_test.go. The
# script record_golden.sh runs each program under programs/ with this
# prelude to record its expected output (.out) from CPython itself.
import sys
import types


class _FakeMeta(type):
    """Metaclass of fake classes such as nn.Cell, printed like a module."""

    def __repr__(cls):
        return "<module '%s'>" % cls._path


def _fake_attr(path):
    if path.rsplit(".", 1)[-1][:1].isupper():
        return _FakeMeta(path, (), {"_path": path})
    return _FakeModule(path)


class _FakeModule(types.ModuleType):
    def __repr__(self):
        return "<module '%s'>" % self.__name__

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _fake_attr(self.__name__ + "." + name)


class _FakeFinder:
    roots = ("mindspore", "fakepkg")

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] not in self.roots:
            return None
        import importlib.machinery
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec):
        return _FakeModule(spec.name)

    def exec_module(self, module):
        pass


sys.meta_path.insert(0, _FakeFinder())


class Recorder:
    def __getitem__(self, key):
        return key

    def __setitem__(self, key, value):
        print("set %s %s" % (key, value))

    def __delitem__(self, key):
        print("del %s" % (key,))

    def __delattr__(self, name):
        print("delattr " + name)
