using Shouldly;
using TvmBuild.Tvm;
using Xunit;
using YamlDotNet.Serialization.NamingConventions;

namespace TvmBuild.Tests.Unit;

/// <summary>layouts.yaml is read with our own naming conventions: they must name every key and enum value exactly
/// as YamlDotNet's underscored and hyphenated conventions do.</summary>
public class SeparatedNamesTests
{
    private static readonly Type[] LayoutTypes =
    [
        typeof(Layout), typeof(TestSuite), typeof(PytestRun), typeof(CppTestSpec), typeof(Step), typeof(ImageTable),
        typeof(LlvmRange), typeof(PythonModules), typeof(Feature),
    ];

    private static readonly Type[] LayoutEnums =
        [typeof(BashShDialect), typeof(LintSource), typeof(ImageTableFormat), typeof(TestFramework)];

    [Fact]
    public void Every_key_of_layouts_yaml_is_named_as_yamldotnet_names_it()
    {
        var names = LayoutTypes.SelectMany(t => t.GetProperties()).Select(p => p.Name).Distinct().ToList();
        names.ShouldContain("CiGcc");
        foreach (var name in names)
            SeparatedNames.Underscored.Apply(name).ShouldBe(UnderscoredNamingConvention.Instance.Apply(name), name);
    }

    [Fact]
    public void Every_enum_value_of_layouts_yaml_is_named_as_yamldotnet_names_it()
    {
        foreach (var name in LayoutEnums.SelectMany(Enum.GetNames))
            SeparatedNames.Hyphenated.Apply(name).ShouldBe(HyphenatedNamingConvention.Instance.Apply(name), name);
    }

    [Theory]
    [InlineData("CiGcc", "ci_gcc")]
    [InlineData("BuildEnvironment", "build_environment")]
    [InlineData("X", "x")]
    public void Underscored_names_start_a_word_at_each_capital(string member, string key)
    {
        SeparatedNames.Underscored.Apply(member).ShouldBe(key);
        SeparatedNames.Underscored.Reverse(key).ShouldBe(member);
    }
}
