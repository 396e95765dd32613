using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.Safety;

/// <summary>A --cmake-option value reaches CMake exactly as given and can never add a CMake
/// command.</summary>
[Collection(nameof(InProcessCollection))]
public class CMakeOptionSafetyTests
{
    private static readonly string[] NastyValues =
    [
        "-O2 -g",
        "a \"quoted\" value",
        "\"fully quoted\"",
        "\"",
        "paren(s) (",
        "a;b;;c",
        "${CMAKE_COMMAND} $ENV{HOME} $CACHE{X} @ONLY@",
        "x # not a comment",
        @"C:\path\to\",
        @"back\nslash\t\""" + "\\",
        "]] ]=] [==[ [[",
        "ends with ]",
        "ends with ]=",
        "ends with ]==",
        "  spaces around \t tab  ",
        "ünïcödé ✓",
        "=",
        "'single'",
    ];

    /// <summary>config.cmake as CMake reads it: each key's value, written by <c>cmake -P</c> to a file of its
    /// own.</summary>
    private static (int Code, string Output, Func<string, string?> Value) ReadBack(
        string config, IEnumerable<string> keys)
    {
        var folder = TempDirectory("cmake-readback-");
        var script = Path.Combine(folder, "read.cmake");
        File.WriteAllText(script, $"include([==[{config}]==])\n" + string.Concat(keys.Select(k =>
            $"if(DEFINED {k})\n  file(WRITE [==[{Path.Combine(folder, k)}]==] \"${{{k}}}\")\nendif()\n")));
        var (code, output) = Processes.Run("cmake", ["-P", script], folder);
        return (code, output,
            key => File.Exists(Path.Combine(folder, key)) ? File.ReadAllText(Path.Combine(folder, key)) : null);
    }

    private static string Configure(params string[] options)
    {
        var build = TempDirectory();
        var result = Run(["Configure", "--config-only", "--tvm-home", Trees.CopyFixture(), "--build-dir", build,
            "--cmake-option", .. options]);
        result.ExitCode.ShouldBe(0, result.ToString());
        return Path.Combine(build, "config.cmake");
    }

    [RequiresToolFact("cmake", "apt-get install cmake")]
    public void Every_value_reads_back_exactly_as_given()
    {
        var keys = NastyValues.Select((_, i) => $"K{i}").ToList();
        var config = Configure(NastyValues.Select((v, i) => $"K{i}={v}").ToArray());
        var (code, output, value) = ReadBack(config, keys);
        code.ShouldBe(0, output);
        var wrong = NastyValues.Select((v, i) => (Given: v, Read: value(keys[i]))).Where(p => p.Read != p.Given)
            .Select(p => $"given <{p.Given}>, CMake read <{p.Read ?? "(unset)"}>").ToList();
        wrong.ShouldBeEmpty(string.Join("\n", File.ReadAllLines(config).TakeLast(NastyValues.Length)));
    }

    [RequiresToolFact("cmake", "apt-get install cmake")]
    public void A_value_cannot_add_a_command()
    {
        string[] attacks =
        [
            "x) message(FATAL_ERROR pwned) set(Y ",
            "\"x\") message(FATAL_ERROR pwned) set(Y \"",
            "]==] message(FATAL_ERROR pwned) set(Y [==[",
            "x\\\") message(FATAL_ERROR pwned) #",
        ];
        var keys = attacks.Select((_, i) => $"K{i}").ToList();
        var config = Configure(attacks.Select((a, i) => $"K{i}={a}").ToArray());
        var (code, output, value) = ReadBack(config, [.. keys, "Y"]);
        code.ShouldBe(0, output);
        output.ShouldNotContain("FATAL_ERROR");
        output.ShouldNotContain("pwned");
        for (var i = 0; i < attacks.Length; i++) value(keys[i]).ShouldBe(attacks[i]);
        value("Y").ShouldBeNull();
    }

    [Fact]
    public void Plain_words_stay_unquoted_and_an_empty_value_is_an_empty_string()
    {
        var config = Configure(
            "USE_LLVM=llvm-config-14", "USE_CUDA=/usr/local/cuda-12.1", "FLAGS=a=b,c:d+e.f_g", "EMPTY=");
        File.ReadAllText(config).ShouldEndWith(
            "set(USE_LLVM llvm-config-14)\nset(USE_CUDA /usr/local/cuda-12.1)\n" +
            "set(FLAGS a=b,c:d+e.f_g)\nset(EMPTY \"\")\n");
    }

    [Fact]
    public void A_value_with_a_line_break_is_refused()
    {
        var build = TempDirectory();
        var result = Run(["Configure", "--config-only", "--tvm-home", Trees.CopyFixture(), "--build-dir", build,
            "--cmake-option", "K=one\nset(Y 1)"]);
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("contains a line break");
        File.Exists(Path.Combine(build, "config.cmake")).ShouldBeFalse();
    }
}
