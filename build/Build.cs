using TvmBuild.Engine;

/// <summary>TVM's build graph. Each concern is a component in Components/; this class only lists them.
/// Checkout → Configure → Compile → UnitTest / IntegrationTest / CppTest; Clean.</summary>
class Build : NukeBuild, ICheckout, IConfigure, ICompile, IClean, ITest, ICppTest, IDocker, IDockerImages, ILint, IDocs,
    ICi, IDoctor, IGenerateDocs, IAdopt
{
    public static int Main() => Execute<Build>(x => ((ICompile)x).Compile);

    protected override void OnBuildInitialized() => ((IDocker)this).EnterContainerMode();

    /// <summary>The log's first line names the TVM tree and why it is that one.</summary>
    protected override string? Context
    {
        get
        {
            try { return ((IHazTvm)this).Tree?.ToString(); }
            catch (BuildFailure) { return null; } // a bad TVM_HOME fails later, in the target that reads it
        }
    }
}
