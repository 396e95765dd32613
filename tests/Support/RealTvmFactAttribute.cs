using Xunit;

namespace TvmBuild.Tests.Support;

/// <summary>A fact that needs a real TVM checkout: skipped, visibly, without TVM_HOME.</summary>
public sealed class RealTvmFactAttribute : FactAttribute
{
    public RealTvmFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TVM_HOME")))
            Skip = "needs a real TVM checkout: set TVM_HOME (e.g. a clone of apache/tvm at main or v0.9.0)";
    }
}
