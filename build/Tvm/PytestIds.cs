using TvmBuild.Engine;

namespace TvmBuild.Tvm;

/// <summary>pytest's JUnit XML spells a test as a dotted classname and a name (its mangle_test_address:
/// <c>tests/a/test_b.py::TestC::test_d[x]</c> becomes classname <c>tests.a.test_b.TestC</c>, name
/// <c>test_d[x]</c>, with --junit-prefix put in front). This turns it back into the node id that
/// <c>pytest &lt;id&gt;</c> selects, by finding the module file under the tree pytest ran in.</summary>
public static class PytestIds
{
    public static string NodeId(string className, string name, AbsolutePath root, string? prefix)
    {
        var parts = className.Length == 0 ? [] : className.Split('.').ToList();
        if (prefix is not null && parts.Count > 0 && parts[0] == prefix) parts.RemoveAt(0);
        // A collection error has no classname: its name is the module's dotted path.
        var testName = parts.Count == 0 ? null : name;
        if (parts.Count == 0) parts = [.. name.Split('.')];
        for (var length = parts.Count; length > 0; length--)
        {
            var file = string.Join('/', parts.Take(length)) + ".py";
            if (!(root / file).FileExists()) continue;
            return string.Join("::", parts.Skip(length).Prepend(file).Concat(testName is null ? [] : [testName]));
        }
        // Not a file under the tree (pytest chose another rootdir): the dotted form still names the test.
        return testName is null ? string.Join('.', parts) : $"{string.Join('.', parts)}::{testName}";
    }
}
