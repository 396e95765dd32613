using System.Xml;
using System.Xml.Linq;
using TvmBuild.Engine;

namespace TvmBuild.Tvm;

public static class JUnit
{
    /// <summary>Reads a JUnit file; null when it is missing or older than <paramref name="since"/> (the run wrote
    /// none: it crashed, or pytest stopped at a usage error), so a stale file from an earlier run never
    /// counts.</summary>
    public static SuiteResult? Read(AbsolutePath file, string name, TestFramework framework, AbsolutePath root,
        string? prefix = null, DateTime? since = null)
    {
        if (!file.FileExists() || (since is { } start && File.GetLastWriteTimeUtc(file) < start)) return null;
        try
        {
            return Parse(XDocument.Load(file), name, framework, root, prefix);
        }
        catch (XmlException e)
        {
            throw new BuildFailure($"{file} is not valid JUnit XML (line {e.LineNumber}): {e.Message}",
                "The test run was probably cut short; run it again.");
        }
    }

    public static SuiteResult Parse(XDocument document, string name, TestFramework framework, AbsolutePath root,
        string? prefix = null)
    {
        int passed = 0, failed = 0, skipped = 0;
        var failedIds = new List<string>();
        foreach (var testCase in document.Descendants("testcase"))
        {
            switch (Outcome(testCase, framework))
            {
                case 'F':
                    failed++;
                    var id = Id(testCase, framework, root, prefix);
                    if (!failedIds.Contains(id)) failedIds.Add(id);
                    break;
                case 'S': skipped++; break;
                default: passed++; break;
            }
        }
        return new SuiteResult(name, passed, failed, skipped, failedIds);
    }

    /// <summary>F(ailed), S(kipped) or P(assed): pytest and gtest mark failures and skips with child elements,
    /// gtest and ctest also with a status attribute (a disabled gtest is "notrun"). ctest writes "notrun" for a test
    /// it could not start too (its binary was not built), which fails its run: only a skip it was told of
    /// (SKIP_RETURN_CODE, SKIP_REGULAR_EXPRESSION) is a skip.</summary>
    private static char Outcome(XElement testCase, TestFramework framework)
    {
        var status = (string?)testCase.Attribute("status");
        if (testCase.Element("failure") is not null || testCase.Element("error") is not null || status == "fail")
            return 'F';
        if (framework == TestFramework.Ctest && status == "notrun"
            && !((string?)testCase.Element("skipped")?.Attribute("message") ?? "").StartsWith("SKIP_")) return 'F';
        if (testCase.Element("skipped") is not null || status is "notrun" or "disabled"
            || (string?)testCase.Attribute("result") == "skipped") return 'S';
        return 'P';
    }

    private static string Id(XElement testCase, TestFramework framework, AbsolutePath root, string? prefix)
    {
        var name = (string?)testCase.Attribute("name") ?? "";
        var className = (string?)testCase.Attribute("classname") ?? "";
        return framework switch
        {
            TestFramework.Gtest => className.Length == 0 ? name : $"{className}.{name}",
            TestFramework.Ctest => name,
            _ => PytestIds.NodeId(className, name, root, prefix),
        };
    }
}
