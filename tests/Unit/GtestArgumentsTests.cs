using Shouldly;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Unit;

public class GtestArgumentsTests
{
    [Fact]
    public void A_gtest_binary_gets_its_xml_output_the_filter_then_the_arguments_after_the_double_dash() =>
        GtestArguments.For(TestFramework.Gtest, "/b/r.xml", "A.*", ["--gtest_repeat=2"])
            .ShouldBe(["--gtest_output=xml:/b/r.xml", "--gtest_filter=A.*", "--gtest_repeat=2"]);

    [Fact]
    public void Ctest_gets_junit_and_the_filter_as_anchored_regular_expressions() =>
        GtestArguments.For(TestFramework.Ctest, "/b/r.xml", "A.*:B.c?-A.slow", ["--repeat", "until-fail:2"])
            .ShouldBe(["--output-junit", "/b/r.xml", "-R", @"^(A\..*|B\.c.)$", "-E", @"^(A\.slow)$", "--repeat",
                "until-fail:2"]);

    [Theory]
    [InlineData("Broken.Fails:Small/Sizes.Even/3", @"^(Broken\.Fails|Small/Sizes\.Even/3)$", null)]
    [InlineData("-Slow.*", null, @"^(Slow\..*)$")]
    [InlineData("*", "^(.*)$", null)]
    public void Gtest_filters_translate_to_ctest(string filter, string? include, string? exclude) =>
        GtestArguments.CtestRegexes(filter).ShouldBe((include, exclude));

    [Fact]
    public void Without_a_filter_nothing_selects() =>
        GtestArguments.For(TestFramework.Gtest, "/b/r.xml", null, []).ShouldBe(["--gtest_output=xml:/b/r.xml"]);
}
