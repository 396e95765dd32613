using Shouldly;
using TvmBuild.Engine;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>The native build converts parameter values without reflection-based converters, so every parameter of the
/// build must be of a type ParameterConversion knows.</summary>
public class ParameterTypesTests
{
    [Fact]
    public void Every_parameter_of_the_build_converts_a_value_of_its_type()
    {
        var failures = new List<string>();
        foreach (var parameter in ParameterCatalog.Of(typeof(Build)))
        {
            var type = ParameterService.Underlying(parameter.Type);
            var element = type.IsArray ? type.GetElementType()! : type;
            var sample = element == typeof(bool) ? "true"
                : element == typeof(int) ? parameter.Attribute.Minimum.ToString()
                : element.IsEnum ? Enum.GetNames(element)[0]
                : element == typeof(AbsolutePath) ? "/tmp" : "x";
            try
            {
                var value = ParameterConversion.Convert(parameter, [sample], "a test");
                value.ShouldNotBeNull();
                value.GetType().ShouldBe(type);
            }
            catch (Exception e) when (e is InvalidOperationException or ShouldAssertException)
            {
                failures.Add($"{parameter.CliName}: {e.Message}");
            }
        }
        failures.ShouldBeEmpty();
    }
}
