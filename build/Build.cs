using TvmBuild.Engine;

/// <summary>TVM's build graph. Each concern is a component in Components/; this class only lists them.
/// Checkout → Configure → Compile → UnitTest / IntegrationTest / CppTest; Clean.</summary>
class Build : NukeBuild, ICheckout, IConfigure, ICompile, IClean, ITest, ICppTest, IJavaTest, IWebTest, IWheel, IDocker,
    IDockerImages, ILint, IDocs, ICi, IDoctor, IGenerateDocs, ICompletionValues, IAdopt, IBisect
{
    public static int Main(string[] args) => Execute<Build>(args, x => ((ICompile)x).Compile);

    protected override ProcessRunner ConfigureRunner(ProcessRunner runner) => ((IDocker)this).ContainerRunner(runner);

    protected override void OnBuildInitialized() => ((IBisect)this).BisectStepStarting();

    protected override void OnBuildFinished() => ((IBisect)this).BisectStepFinished();

    public override IReadOnlyList<string>? CompletionValues(ParameterInfo parameter, bool fromTree) =>
        ((ICompletionValues)this).ValuesOf(parameter, fromTree) ?? base.CompletionValues(parameter, fromTree);

    /// <summary>The log's first line names the TVM tree and its layout, and why they are those.</summary>
    protected override string? Context
    {
        get
        {
            string? tree;
            try { tree = ((IHazTvm)this).Tree?.ToString(); }
            catch (BuildFailure) { return null; } // a bad TVM_HOME fails later, in the target that reads it
            if (tree is null) return null;
            try { return $"{tree}, layout {((IHazTvm)this).Layout.Name} ({((IHazTvm)this).Layout.Why})"; }
            catch (BuildFailure) { return tree; } // of no known layout: the target that needs one says why
        }
    }
}
