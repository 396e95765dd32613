using System.Runtime.CompilerServices;

namespace TvmBuild.Tests.Support;

/// <summary>Every build this test run starts (in-process or as a process, which inherits it) runs its targets: a test
/// about the result cache names a store with --result-cache.</summary>
internal static class NoResultCache
{
    [ModuleInitializer]
    internal static void Set() => Environment.SetEnvironmentVariable("TVM_BUILD_RESULT_CACHE", "none");
}
